package dev.cairn.source.oci;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.DirectoryArchiver;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.artifact.ExtractLimits;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import dev.cairn.source.artifact.TarballExtractor;
import dev.cairn.source.ignore.SourceIgnore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stores a downloaded layer: {@code extract} unpacks it safely and archives the content minus what
 * the ignore rules exclude; {@code copy} stores the tarball byte for byte (ignore rules do not
 * apply, as in Flux).
 */
final class LayerStorage {
  private final ArtifactStore store;
  private final ExtractLimits limits;

  LayerStorage(ArtifactStore store, ExtractLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  StoredArtifact extract(
      SourceKey key, String revision, byte[] blob, List<String> ignore, String where)
      throws SourceException {
    requireGzip(blob, where, "extract");
    Path temp = null;
    try {
      temp = Files.createTempDirectory("cairn-oci-");
      Path content = temp.resolve("content");
      try {
        new TarballExtractor(limits)
            .extract(new ByteArrayInputStream(blob), content, "layer of " + where);
      } catch (SourceException e) {
        throw new SourceException(
            SourceReason.OCI_LAYER_FAILED,
            "failed to extract layer of " + where + ": " + e.getMessage(),
            e);
      }
      SourceIgnore rules = ExtractedIgnore.load(content, ignore);
      return store.store(
          key,
          revision,
          writer -> DirectoryArchiver.write(content, writer, (p, dir) -> !rules.isIgnored(p, dir)));
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot unpack layer of " + where + ": " + e.getMessage(),
          e);
    } finally {
      if (temp != null) {
        DirectoryTrees.deleteQuietly(temp);
      }
    }
  }

  StoredArtifact copy(SourceKey key, String revision, byte[] blob, String where)
      throws SourceException {
    requireGzip(blob, where, "copy");
    return store.storeTarball(key, revision, blob);
  }

  /** Consumers unpack artifacts as tar+gzip, so any other layer is refused here. */
  private static void requireGzip(byte[] blob, String where, String operation)
      throws SourceException {
    if (blob.length < 2 || (blob[0] & 0xff) != 0x1f || (blob[1] & 0xff) != 0x8b) {
      throw new SourceException(
          SourceReason.OCI_LAYER_FAILED,
          "cannot " + operation + " the layer of " + where + ": it is not a gzip tarball");
    }
  }
}
