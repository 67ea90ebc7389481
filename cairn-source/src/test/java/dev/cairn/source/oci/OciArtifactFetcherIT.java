package dev.cairn.source.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.helm.HelmCredentials;
import dev.cairn.testkit.registry.OciArtifactPusher;
import dev.cairn.testkit.registry.OciRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls artifacts pushed the way {@code flux push artifact} lays them out from Debian's
 * docker-registry: one anonymous registry and one demanding htpasswd credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OciArtifactFetcherIT {
  private static final String USER = "puller";
  private static final String PASSWORD = "s3cret-Registry-Pw";

  @TempDir static Path temp;
  private OciRegistry registry;
  private OciRegistry locked;
  private OciArtifactPusher pusher;
  private ArtifactStore store;
  private OciArtifactFetcher fetcher;
  private final Map<String, String> digests = new java.util.HashMap<>();

  @BeforeAll
  void start() throws Exception {
    registry = OciRegistry.start(temp.resolve("registry"));
    locked = OciRegistry.startWithHtpasswd(temp.resolve("locked"), USER, PASSWORD);
    pusher = new OciArtifactPusher(registry.host());
    for (String tag : List.of("1.0.0", "1.2.0", "1.10.0-rc.1", "2.0.0", "latest", "v1.5.0-dev")) {
      byte[] layer =
          Tarballs.of(
              Map.of(
                  "deploy/config.yaml", "version: " + tag + "\n",
                  "deploy/secret.txt", "not for the cluster\n",
                  "deploy/.sourceignore", "*.md\n",
                  "deploy/README.md", "docs\n"));
      digests.put(
          tag,
          pusher.pushFluxArtifact(
              "apps/demo", tag, layer, "https://github.com/example/demo", "main@sha1:" + tag));
    }
    new OciArtifactPusher(locked.host(), USER, PASSWORD)
        .pushFluxArtifact(
            "private/app",
            "latest",
            Tarballs.of(Map.of("app.yaml", "kind: ConfigMap\n")),
            "https://example.com/private",
            "main@sha1:0123");
    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    fetcher = new OciArtifactFetcher(store, OciFetcherOptions.defaults());
  }

  @AfterAll
  void stop() {
    if (registry != null) {
      registry.close();
    }
    if (locked != null) {
      locked.close();
    }
  }

  private OciArtifactRequest demo() {
    return OciArtifactRequest.of(registry.ociUrl("apps/demo")).withInsecure(true);
  }

  private Path unpack(OciArtifactResult result, String name) throws Exception {
    Path out = temp.resolve("out-" + name);
    store.extract(result.artifact(), out);
    return out;
  }

  @Test
  void defaultRefIsLatestAndTheRevisionNamesTagAndManifestDigest() throws Exception {
    OciArtifactResult result = fetcher.fetch(new SourceKey("ocirepository", "ns", "d"), demo());

    assertThat(result.revision()).isEqualTo("latest@" + digests.get("latest"));
    assertThat(result.annotations())
        .containsEntry("org.opencontainers.image.source", "https://github.com/example/demo")
        .containsEntry("org.opencontainers.image.revision", "main@sha1:latest");
    assertThat(unpack(result, "latest").resolve("deploy/config.yaml"))
        .content()
        .isEqualTo("version: latest\n");
  }

  @Test
  void semverPicksTheHighestMatchingTagAfterTheFilter() throws Exception {
    SourceKey key = new SourceKey("ocirepository", "ns", "semver");
    OciArtifactResult any =
        fetcher.fetch(key, demo().withRef(OciRef.semver(">=1.0.0 <2.0.0", null)));
    OciArtifactResult filtered =
        fetcher.fetch(key, demo().withRef(OciRef.semver(">=1.0.0", "^1[.]")));
    OciArtifactResult unfiltered = fetcher.fetch(key, demo().withRef(OciRef.semver(">=1.0.0", "")));

    assertThat(any.revision()).isEqualTo("1.2.0@" + digests.get("1.2.0"));
    assertThat(filtered.revision()).isEqualTo("1.2.0@" + digests.get("1.2.0"));
    assertThat(unfiltered.revision()).isEqualTo("2.0.0@" + digests.get("2.0.0"));
    assertThatThrownBy(() -> fetcher.fetch(key, demo().withRef(OciRef.semver(">=3", null))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.OCI_PULL_FAILED);
              assertThat(e.getMessage()).contains("no tag of").contains(">=3");
            });
  }

  @Test
  void aDigestRefPullsThatManifestAndTheRevisionIsTheDigest() throws Exception {
    String digest = digests.get("1.0.0");
    OciArtifactResult result =
        fetcher.fetch(
            new SourceKey("ocirepository", "ns", "digest"), demo().withRef(OciRef.digest(digest)));

    assertThat(result.revision()).isEqualTo(digest);
    assertThat(unpack(result, "digest").resolve("deploy/config.yaml"))
        .content()
        .isEqualTo("version: 1.0.0\n");
    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    new SourceKey("ocirepository", "ns", "digest"),
                    demo().withRef(OciRef.digest("sha256:abc"))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(SourceReason.INVALID_SPEC));
  }

  @Test
  void aNewTagMovesTheRevisionAndUnchangedRevisionsSkipTheDownload() throws Exception {
    SourceKey key = new SourceKey("ocirepository", "ns", "moving");
    OciArtifactRequest request = demo().withRef(OciRef.tag("stable"));
    pusher.pushFluxArtifact(
        "apps/demo", "stable", Tarballs.of(Map.of("a.yaml", "one\n")), "src", "r1");
    OciArtifactResult first = fetcher.fetch(key, request);
    String second =
        pusher.pushFluxArtifact(
            "apps/demo", "stable", Tarballs.of(Map.of("a.yaml", "two\n")), "src", "r2");
    OciArtifactResult moved = fetcher.fetch(key, request, revision -> true);
    OciArtifactResult again = fetcher.fetch(key, request, revision -> true);

    assertThat(moved.revision()).isEqualTo("stable@" + second).isNotEqualTo(first.revision());
    assertThat(moved.artifact().digest()).isNotEqualTo(first.artifact().digest());
    assertThat(again.artifact()).isEqualTo(moved.artifact());
    assertThat(unpack(moved, "moved").resolve("a.yaml")).content().isEqualTo("two\n");
  }

  @Test
  void extractedContentHonoursSourceIgnoreFilesAndSpecIgnore() throws Exception {
    OciArtifactResult result =
        fetcher.fetch(
            new SourceKey("ocirepository", "ns", "ignore"),
            demo().withRef(OciRef.tag("1.0.0")).withIgnore(List.of("deploy/secret.txt")));

    Path out = unpack(result, "ignore");
    assertThat(out.resolve("deploy/config.yaml")).exists();
    assertThat(out.resolve("deploy/secret.txt")).doesNotExist();
    assertThat(out.resolve("deploy/README.md")).doesNotExist();
  }

  @Test
  void copyStoresTheLayerAsIsAndAMissingMediaTypeIsALayerFailure() throws Exception {
    byte[] layer = Tarballs.of(Map.of("x.yaml", "x\n"));
    pusher.pushFluxArtifact("apps/copy", "1", layer, "src", "r");
    OciArtifactRequest copy =
        OciArtifactRequest.of(registry.ociUrl("apps/copy"))
            .withInsecure(true)
            .withRef(OciRef.tag("1"))
            .withLayer(OciArtifactPusher.FLUX_CONTENT, true);

    OciArtifactResult result = fetcher.fetch(new SourceKey("ocirepository", "ns", "copy"), copy);

    assertThat(Files.readAllBytes(store.fileOf(result.artifact()))).isEqualTo(layer);
    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    new SourceKey("ocirepository", "ns", "copy"),
                    copy.withLayer("application/vnd.example.other", false)))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.OCI_LAYER_FAILED);
              assertThat(e.getMessage()).contains("application/vnd.example.other");
            });
  }

  @Test
  void htpasswdCredentialsPullAndAWrongPasswordIsRefusedWithoutShowingIt() throws Exception {
    OciArtifactRequest request =
        OciArtifactRequest.of(locked.ociUrl("private/app")).withInsecure(true);
    SourceKey key = new SourceKey("ocirepository", "ns", "private");

    OciArtifactResult result =
        fetcher.fetch(key, request.withCredentials(HelmCredentials.basic(USER, PASSWORD)));

    assertThat(unpack(result, "private").resolve("app.yaml")).exists();
    assertThatThrownBy(() -> fetcher.fetch(key, request))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED));
    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    key, request.withCredentials(HelmCredentials.basic(USER, "Wr0ng-Pa55word"))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED);
              assertThat(e.getMessage())
                  .contains("credentials refused")
                  .doesNotContain("Wr0ng-Pa55word");
            });
  }

  @Test
  void plainHttpNeedsInsecureAndBadUrlsAreNamed() {
    SourceKey key = new SourceKey("ocirepository", "ns", "bad");
    assertThatThrownBy(() -> fetcher.fetch(key, demo().withInsecure(false)))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(SourceReason.OCI_PULL_FAILED));
    assertThatThrownBy(
            () -> fetcher.fetch(key, OciArtifactRequest.of(registry.ociUrl("apps/demo:1.0.0"))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.URL_INVALID);
              assertThat(e.getMessage()).contains("apps/demo:1.0.0");
            });
  }
}
