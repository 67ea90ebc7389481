package dev.cairn.engine.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedArtifactsTest {
  @TempDir Path temp;

  private StoredArtifact store(ArtifactStore store, String revision, String content)
      throws Exception {
    Path dir = Files.createDirectories(temp.resolve("src-" + revision));
    Files.writeString(dir.resolve("a.yaml"), content);
    return store.storeDirectory(new SourceKey("gitrepository", "ns", "repo"), revision, dir);
  }

  @Test
  void runsOfOneRevisionShareOneDirectoryAndEvictedOnesAreDeleted() throws Exception {
    ArtifactStore store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    StoredArtifact first = store(store, "main@sha1:0", "zero");
    try (ExtractedArtifacts artifacts = new ExtractedArtifacts(store)) {
      Path shared;
      try (ExtractedArtifacts.Lease a = artifacts.acquire(first);
          ExtractedArtifacts.Lease b = artifacts.acquire(first)) {
        shared = a.dir();
        assertThat(b.dir()).isEqualTo(shared);
        assertThat(Files.readString(shared.resolve("a.yaml"))).isEqualTo("zero");
      }
      assertThat(shared).exists();

      List<Path> later = new ArrayList<>();
      for (int i = 1; i <= ExtractedArtifacts.KEEP; i++) {
        try (ExtractedArtifacts.Lease lease =
            artifacts.acquire(store(store, "main@sha1:" + i, "v" + i))) {
          later.add(lease.dir());
          assertThat(Files.readString(lease.dir().resolve("a.yaml"))).isEqualTo("v" + i);
        }
      }

      assertThat(shared).doesNotExist();
      assertThat(later).allSatisfy(dir -> assertThat(dir).exists());
    }
  }
}
