package dev.cairn.source.git;

/**
 * What to check out, with Flux's field names. When several are set the most specific wins: commit
 * &gt; name &gt; semver &gt; tag &gt; branch. A commit may come with a branch, which is then
 * fetched to find it (and named in the revision). No field set means branch {@code master}, as in
 * Flux.
 *
 * @param branch a branch name, e.g. {@code main}
 * @param tag a tag name, e.g. {@code v1.2.0}
 * @param semver a semver range over the repository's tags, e.g. {@code >=1.0.0 <2.0.0}
 * @param name a full reference name, e.g. {@code refs/pull/42/head}
 * @param commit a full 40-hex commit id
 */
public record GitRef(String branch, String tag, String semver, String name, String commit) {
  /** Flux's default when no reference is given. */
  public static final String DEFAULT_BRANCH = "master";

  public static GitRef defaults() {
    return new GitRef(null, null, null, null, null);
  }

  public static GitRef ofBranch(String branch) {
    return defaults().withBranch(branch);
  }

  public static GitRef ofTag(String tag) {
    return defaults().withTag(tag);
  }

  public static GitRef ofSemver(String range) {
    return defaults().withSemver(range);
  }

  public static GitRef ofName(String name) {
    return defaults().withName(name);
  }

  public static GitRef ofCommit(String commit) {
    return defaults().withCommit(commit);
  }

  public GitRef withBranch(String value) {
    return new GitRef(value, tag, semver, name, commit);
  }

  public GitRef withTag(String value) {
    return new GitRef(branch, value, semver, name, commit);
  }

  public GitRef withSemver(String value) {
    return new GitRef(branch, tag, value, name, commit);
  }

  public GitRef withName(String value) {
    return new GitRef(branch, tag, semver, value, commit);
  }

  public GitRef withCommit(String value) {
    return new GitRef(branch, tag, semver, name, value);
  }

  /** Which field decides, by Flux's precedence. */
  public Kind effectiveKind() {
    if (set(commit)) {
      return Kind.COMMIT;
    }
    if (set(name)) {
      return Kind.NAME;
    }
    if (set(semver)) {
      return Kind.SEMVER;
    }
    if (set(tag)) {
      return Kind.TAG;
    }
    return Kind.BRANCH;
  }

  /** The branch to use: the given one, or {@link #DEFAULT_BRANCH}. */
  public String effectiveBranch() {
    return set(branch) ? branch : DEFAULT_BRANCH;
  }

  static boolean set(String value) {
    return value != null && !value.isBlank();
  }

  /** The kinds of reference, in increasing precedence. */
  public enum Kind {
    BRANCH,
    TAG,
    SEMVER,
    NAME,
    COMMIT
  }
}
