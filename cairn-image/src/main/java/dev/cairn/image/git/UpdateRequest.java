package dev.cairn.image.git;

import dev.cairn.image.setters.PolicyPick;
import dev.cairn.source.git.GitSourceSpec;
import java.util.Map;

/**
 * What one automation run writes.
 *
 * @param source the GitRepository's URL, credentials, TLS and timeout
 * @param checkoutBranch the branch to start from
 * @param pushBranch the branch to push to; the checkout branch when null. An existing push branch
 *     is checked out and built upon, so repeated runs add commits instead of replacing them
 * @param refspec an extra refspec to push ({@code HEAD:refs/heads/x}), or null
 * @param updatePath directory under the root whose files are rewritten ({@code ./} for all)
 * @param authorName the commit's author and committer name
 * @param authorEmail the commit's author and committer email
 * @param picks the policies' picks, by marker name {@code namespace:name}
 */
public record UpdateRequest(
    GitSourceSpec source,
    String checkoutBranch,
    String pushBranch,
    String refspec,
    String updatePath,
    String authorName,
    String authorEmail,
    Map<String, PolicyPick> picks) {

  /** The branch commits go to. */
  public String targetBranch() {
    return pushBranch == null || pushBranch.isEmpty() ? checkoutBranch : pushBranch;
  }
}
