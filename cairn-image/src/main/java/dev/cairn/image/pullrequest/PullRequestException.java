package dev.cairn.image.pullrequest;

/** A host API call failed; the message names the call and status, never the token. */
public final class PullRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  public PullRequestException(String message) {
    super(message);
  }
}
