package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArchiveContent;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a fetch may reuse the current artifact instead of archiving the tree again. */
class ArchiveMemoryTest {
  private static final SourceKey KEY = new SourceKey("gitrepository", "default", "app");
  private static final String REVISION = "main@sha1:" + "a".repeat(40);

  @TempDir Path temp;
  private ArtifactStore store;

  @BeforeEach
  void openStore() throws SourceException {
    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
  }

  private static ArchiveMemory.Inputs inputs(String revision, List<String> ignore) {
    return new ArchiveMemory.Inputs(
        "https://git.example/app.git", revision, ignore, List.of(), false, List.of());
  }

  private StoredArtifact storeOneFile(String revision, String text) throws SourceException {
    ArchiveContent content = w -> w.addFile("f", text.getBytes(StandardCharsets.UTF_8), false);
    return store.store(KEY, revision, content);
  }

  @Test
  void nothingRememberedMeansArchive() throws SourceException {
    storeOneFile(REVISION, "1");
    assertThat(new ArchiveMemory(store).reusable(KEY, inputs(REVISION, List.of()))).isEmpty();
  }

  @Test
  void theSameInputsReuseTheCurrentArtifact() throws SourceException {
    ArchiveMemory memory = new ArchiveMemory(store);
    StoredArtifact artifact = storeOneFile(REVISION, "1");
    memory.remember(KEY, inputs(REVISION, List.of()), artifact);

    assertThat(memory.reusable(KEY, inputs(REVISION, List.of()))).contains(artifact);
  }

  @Test
  void changedInputsMeanArchive() throws SourceException {
    ArchiveMemory memory = new ArchiveMemory(store);
    memory.remember(KEY, inputs(REVISION, List.of()), storeOneFile(REVISION, "1"));

    assertThat(memory.reusable(KEY, inputs(REVISION, List.of("*.md")))).isEmpty();
    assertThat(memory.reusable(KEY, inputs("main@sha1:" + "b".repeat(40), List.of()))).isEmpty();
  }

  @Test
  void anotherCurrentArtifactMeansArchive() throws SourceException {
    ArchiveMemory memory = new ArchiveMemory(store);
    memory.remember(KEY, inputs(REVISION, List.of()), storeOneFile(REVISION, "1"));
    storeOneFile(REVISION, "stored by someone else");

    assertThat(memory.reusable(KEY, inputs(REVISION, List.of()))).isEmpty();
  }

  @Test
  void afterARestartTheNoteDecides() throws SourceException {
    StoredArtifact artifact = storeOneFile(REVISION, "1");
    new ArchiveMemory(store).remember(KEY, inputs(REVISION, List.of()), artifact);

    ArchiveMemory restarted = new ArchiveMemory(store);
    assertThat(restarted.reusable(KEY, inputs(REVISION, List.of("*.md")))).isEmpty();
    assertThat(restarted.reusable(KEY, inputs(REVISION, List.of()))).contains(artifact);
  }

  @Test
  void afterARestartAnotherCurrentArtifactMeansArchive() throws SourceException {
    new ArchiveMemory(store)
        .remember(KEY, inputs(REVISION, List.of()), storeOneFile(REVISION, "1"));
    storeOneFile(REVISION, "2");

    assertThat(new ArchiveMemory(store).reusable(KEY, inputs(REVISION, List.of()))).isEmpty();
  }
}
