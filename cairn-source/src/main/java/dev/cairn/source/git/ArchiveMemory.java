package dev.cairn.source.git;

import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactInclude;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers what each source's current artifact was archived from, in memory and in a note next to
 * the artifacts (for after a restart), so that a fetch finding the same inputs reuses the artifact
 * instead of walking and archiving the tree again.
 */
final class ArchiveMemory {
  private static final String NOTE = "git-inputs";

  private final ArtifactStore store;
  private final Map<SourceKey, Remembered> last = new ConcurrentHashMap<>();

  ArchiveMemory(ArtifactStore store) {
    this.store = store;
  }

  /** What an artifact is built from. Equal inputs give an equal artifact. */
  record Inputs(
      String url,
      String revision,
      List<String> ignore,
      List<String> sparse,
      boolean submodules,
      List<ArtifactInclude> includes) {
    Inputs {
      ignore = List.copyOf(ignore);
      sparse = List.copyOf(sparse);
      includes = List.copyOf(includes);
    }

    /** A hash of the inputs, kept on disk: no URL or path text is written out. */
    String fingerprint() {
      String text =
          url
              + "\n"
              + revision
              + "\n"
              + String.join("\u0000", ignore)
              + "\n"
              + includes.stream().map(ArtifactInclude::toString).toList()
              + (sparse.isEmpty() ? "" : "\nsparse:" + String.join("\u0000", sparse))
              + (submodules ? "\nsubmodules" : "");
      try {
        return "sha256:"
            + HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK always provides SHA-256", e);
      }
    }
  }

  private record Remembered(Inputs inputs, StoredArtifact artifact) {}

  /**
   * The current artifact when it was archived from exactly {@code inputs}, so an unchanged revision
   * costs no tree walk; empty when the tree must be archived.
   */
  Optional<StoredArtifact> reusable(SourceKey key, Inputs inputs) throws SourceException {
    Remembered previous = last.get(key);
    if (previous == null) {
      return afterRestart(key, inputs);
    }
    if (!previous.inputs().equals(inputs)) {
      return Optional.empty();
    }
    return store.current(key).filter(previous.artifact()::equals);
  }

  /** Records that {@code artifact}, now current, was archived from {@code inputs}. */
  void remember(SourceKey key, Inputs inputs, StoredArtifact artifact) throws SourceException {
    last.put(key, new Remembered(inputs, artifact));
    store.writeNote(key, NOTE, inputs.fingerprint() + "\t" + artifact.digest());
  }

  /**
   * After a restart: the note names the inputs' fingerprint and the artifact they gave; reuse it
   * when both still match the store's current artifact.
   */
  private Optional<StoredArtifact> afterRestart(SourceKey key, Inputs inputs)
      throws SourceException {
    String[] note = store.readNote(key, NOTE).orElse("").strip().split("\t");
    if (note.length != 2 || !note[0].equals(inputs.fingerprint())) {
      return Optional.empty();
    }
    Optional<StoredArtifact> current =
        store
            .current(key)
            .filter(a -> a.digest().equals(note[1]) && a.revision().equals(inputs.revision()));
    current.ifPresent(artifact -> last.put(key, new Remembered(inputs, artifact)));
    return current;
  }
}
