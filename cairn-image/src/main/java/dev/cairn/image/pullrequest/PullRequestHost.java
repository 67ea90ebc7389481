package dev.cairn.image.pullrequest;

import java.util.Optional;

/** A Git host's pull requests for one repository. */
public interface PullRequestHost {
  /** The open pull request from {@code head} into {@code base}, if any. */
  Optional<PullRequest> findOpen(String head, String base) throws PullRequestException;

  PullRequest open(String head, String base, String title, String body) throws PullRequestException;

  void update(PullRequest pullRequest, String title, String body) throws PullRequestException;

  void close(PullRequest pullRequest) throws PullRequestException;

  /**
   * An open pull request.
   *
   * @param number its number on the host
   * @param title its title
   * @param body its description
   */
  record PullRequest(long number, String title, String body) {}
}
