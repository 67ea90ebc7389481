package dev.cairn.source.git;

import dev.cairn.source.SourceException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/**
 * The references a remote advertised at one moment ({@code git ls-remote}): what its {@code HEAD}
 * names, whether a name is a tag, and the object each reference points at. One listing answers all
 * three, so a caller that only needs to know whether a reference moved asks the remote once.
 */
public final class RemoteRefs {
  private final GitUrl url;
  private final Map<String, Ref> refs;

  RemoteRefs(GitUrl url, Map<String, Ref> refs) {
    this.url = url;
    this.refs = Map.copyOf(refs);
  }

  /** The branch the remote's {@code HEAD} names, as {@link GitFetcher#defaultBranch} says. */
  public String defaultBranch() throws SourceException {
    return RemoteHead.branchOf(url, refs);
  }

  /** Whether {@code name} is a tag (and no branch of that name), as {@link GitFetcher#isTag}. */
  public boolean isTag(String name) {
    return RemoteHead.isTagOf(refs, name);
  }

  /** The object id {@code fullName} (e.g. {@code refs/heads/main}) points at, if advertised. */
  public Optional<String> objectId(String fullName) {
    Ref ref = refs.get(fullName);
    return Optional.ofNullable(ref).map(Ref::getObjectId).map(ObjectId::name);
  }
}
