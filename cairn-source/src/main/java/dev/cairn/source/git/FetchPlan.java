package dev.cairn.source.git;

import java.util.List;

/**
 * What to ask the remote for, derived from a {@link GitRef}: refspecs, whether a depth-1 fetch
 * suffices, and the local ref that holds the result.
 *
 * @param description e.g. "branch 'main'", used in messages
 * @param refSpecs refspecs for the fetch, mapping remote refs onto the same names locally
 * @param shallow whether depth 1 is enough
 * @param localRef the ref to read after the fetch, or null for a commit lookup
 * @param revisionRef the reference name used to format the revision, or null for a bare commit
 */
record FetchPlan(
    String description,
    List<String> refSpecs,
    boolean shallow,
    String localRef,
    String revisionRef) {

  static FetchPlan branch(String branch) {
    String ref = "refs/heads/" + branch;
    return new FetchPlan("branch '" + branch + "'", List.of("+" + ref + ":" + ref), true, ref, ref);
  }

  static FetchPlan tag(String tag) {
    String ref = "refs/tags/" + tag;
    return new FetchPlan("tag '" + tag + "'", List.of("+" + ref + ":" + ref), true, ref, ref);
  }

  static FetchPlan name(String name) {
    return new FetchPlan(
        "reference '" + name + "'", List.of("+" + name + ":" + name), true, name, name);
  }

  /** A commit on a known branch: the branch's full history is fetched to find it. */
  static FetchPlan commitOnBranch(String commit, String branch) {
    String ref = "refs/heads/" + branch;
    return new FetchPlan(
        "commit " + commit + " on branch '" + branch + "'",
        List.of("+" + ref + ":" + ref),
        false,
        ref,
        ref);
  }

  /** A commit on an unknown branch: all branches are fetched in full. */
  static FetchPlan commit(String commit) {
    return new FetchPlan(
        "commit " + commit, List.of("+refs/heads/*:refs/heads/*"), false, null, null);
  }

  /** Every branch and tag in full: to find a commit a submodule's gitlink pins. */
  static FetchPlan everyBranchAndTag() {
    return new FetchPlan(
        "all branches and tags",
        List.of("+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"),
        false,
        null,
        null);
  }

  /** Flux's revision format: short branch or tag name, full other ref names, bare commit. */
  static String revision(String refName, String commitId) {
    String digest = "sha1:" + commitId;
    if (refName == null || refName.isEmpty()) {
      return digest;
    }
    if (refName.startsWith("refs/heads/")) {
      return refName.substring("refs/heads/".length()) + "@" + digest;
    }
    if (refName.startsWith("refs/tags/")) {
      return refName.substring("refs/tags/".length()) + "@" + digest;
    }
    return refName + "@" + digest;
  }
}
