package dev.cairn.source.git;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Ref;

/**
 * The branch a remote's {@code HEAD} names (what {@code git clone} checks out): the symbolic target
 * the server advertises, else the one branch at HEAD's commit ({@code main} or {@code master} first
 * when several are).
 */
final class RemoteHead {
  private RemoteHead() {}

  /** Whether the remote has a tag {@code name} (and no branch of that name). */
  static boolean isTag(GitUrl url, GitSourceSpec spec, SshSessions ssh, String name)
      throws SourceException {
    return isTagOf(list(url, spec, ssh), name);
  }

  static boolean isTagOf(Map<String, Ref> refs, String name) {
    return refs.containsKey("refs/tags/" + name) && !refs.containsKey("refs/heads/" + name);
  }

  static String branch(GitUrl url, GitSourceSpec spec, SshSessions ssh) throws SourceException {
    return branchOf(url, list(url, spec, ssh));
  }

  static String branchOf(GitUrl url, Map<String, Ref> refs) throws SourceException {
    Ref head = refs.get("HEAD");
    if (head == null) {
      return withoutHead(url, refs);
    }
    if (head.isSymbolic()) {
      return shortName(head.getTarget().getName());
    }
    for (String preferred : new String[] {"refs/heads/main", "refs/heads/master"}) {
      Ref ref = refs.get(preferred);
      if (ref != null && head.getObjectId().equals(ref.getObjectId())) {
        return shortName(preferred);
      }
    }
    return refs.values().stream()
        .filter(r -> r.getName().startsWith("refs/heads/"))
        .filter(r -> head.getObjectId().equals(r.getObjectId()))
        .map(r -> shortName(r.getName()))
        .sorted()
        .findFirst()
        .orElseThrow(
            () ->
                new SourceException(
                    SourceReason.REFERENCE_NOT_FOUND,
                    "HEAD of " + url.display() + " is on no branch"));
  }

  /** A server that advertises no HEAD (a dangling one): main, master, or the only branch. */
  private static String withoutHead(GitUrl url, Map<String, Ref> refs) throws SourceException {
    for (String preferred : new String[] {"refs/heads/main", "refs/heads/master"}) {
      if (refs.containsKey(preferred)) {
        return shortName(preferred);
      }
    }
    List<String> branches =
        refs.keySet().stream().filter(name -> name.startsWith("refs/heads/")).toList();
    if (branches.size() == 1) {
      return shortName(branches.get(0));
    }
    throw new SourceException(
        SourceReason.REFERENCE_NOT_FOUND,
        url.display() + " advertises no HEAD; name the branch in targetRevision");
  }

  static Map<String, Ref> list(GitUrl url, GitSourceSpec spec, SshSessions ssh)
      throws SourceException {
    try (GitTransport transport = new GitTransport(url, spec, ssh)) {
      return transport.configure(Git.lsRemoteRepository().setRemote(url.value())).callAsMap();
    } catch (GitAPIException | JGitInternalException e) {
      throw new SourceException(
          SourceReason.GIT_OPERATION_FAILED,
          "cannot list the references of " + url.display() + ": " + e.getMessage(),
          e);
    }
  }

  private static String shortName(String ref) {
    return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
  }
}
