package dev.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.engine.AwaitArtifactStep;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Trigger;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One replica serves its store; another, whose store is empty, downloads an artifact by the URL of
 * its status and keeps it only with the status's digest.
 */
class ArtifactServerIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path temp;
  private static ArtifactStore leader;
  private static ArtifactServer server;
  private static String base;

  @BeforeAll
  static void serve() throws Exception {
    leader = new ArtifactStore(temp.resolve("leader"), ArtifactStoreOptions.defaults());
    server = ArtifactServer.start(new InetSocketAddress("127.0.0.1", 0), leader.root());
    base = "http://127.0.0.1:" + server.port() + "/";
    Files.writeString(temp.resolve("secret.txt"), "outside the store\n");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anEmptyStoreDownloadsTheArtifactAndChecksItsDigest() throws Exception {
    StoredArtifact stored = store("apps", "first", "kind: ConfigMap\n");
    ArtifactStore follower = follower("follower-1");

    assertThat(follower.contains(stored.path())).isFalse();
    assertThat(follower.download(base + stored.path(), stored.path(), stored.digest())).isTrue();

    assertThat(follower.contains(stored.path())).isTrue();
    assertThat(Files.readAllBytes(follower.root().resolve(stored.path())))
        .isEqualTo(Files.readAllBytes(leader.root().resolve(stored.path())));
  }

  @Test
  void aTamperedArtifactIsRefusedAndNotKept() throws Exception {
    StoredArtifact stored = store("apps", "tampered", "kind: Secret\n");
    Files.write(leader.root().resolve(stored.path()), new byte[] {31, -117, 8, 0, 1, 2, 3});
    ArtifactStore follower = follower("follower-2");

    assertThatThrownBy(
            () -> follower.download(base + stored.path(), stored.path(), stored.digest()))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(SourceReason.ARTIFACT_FAILED))
        .hasMessageContaining("not " + stored.digest());
    assertThat(follower.contains(stored.path())).isFalse();
    try (var files = Files.walk(follower.root())) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void theAwaitStepOfAReplicaWithoutTheArtifactDownloadsItOrFailsOnATamperedOne() throws Exception {
    StoredArtifact good = store("apps", "await", "kind: ConfigMap\n");
    StoredArtifact bad = store("apps", "await-bad", "kind: Service\n");
    Files.writeString(leader.root().resolve(bad.path()), "not what was stored");
    AwaitArtifactStep arrival = new AwaitArtifactStep(follower("follower-3"));

    assertThat(arrival.awaitArtifact(run(), artifact(good), "GitRepository/apps/await"))
        .isEqualTo(StepResult.proceed());
    assertThatThrownBy(
            () -> arrival.awaitArtifact(run(), artifact(bad), "GitRepository/apps/await-bad"))
        .isInstanceOfSatisfying(
            ReconcileException.Failed.class,
            e -> assertThat(e.reason()).isEqualTo(ConditionReasons.ARTIFACT_FAILED))
        .hasMessageContaining("GitRepository/apps/await-bad")
        .hasMessageContaining("refused");
  }

  @Test
  void anUnreachableReplicaLeavesTheRunWaiting() throws Exception {
    StoredArtifact stored = store("apps", "unreachable", "kind: ConfigMap\n");
    Artifact elsewhere =
        new Artifact(
            stored.path(),
            "http://127.0.0.1:1/" + stored.path(),
            stored.revision(),
            stored.digest(),
            stored.lastUpdateTime().toString(),
            stored.size(),
            null);

    StepResult result =
        new AwaitArtifactStep(follower("follower-4"))
            .awaitArtifact(run(), elsewhere, "GitRepository/apps/unreachable");

    assertThat(result.kind()).isEqualTo(StepResult.Kind.SKIP);
  }

  @Test
  void headAnswersWithTheSizeAndNoBody() throws Exception {
    StoredArtifact stored = store("apps", "head", "kind: ConfigMap\n");

    HttpResponse<byte[]> head =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + stored.path()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).hasValue(Long.toString(stored.size()));
    assertThat(head.body()).isEmpty();
  }

  @Test
  void onlyArtifactFilesInsideTheStoreAreServed() throws Exception {
    StoredArtifact stored = store("apps", "paths", "kind: ConfigMap\n");
    String directory = stored.path().substring(0, stored.path().lastIndexOf('/'));
    Path link = leader.root().resolve(directory).resolve("f".repeat(64) + ".tar.gz");
    Files.createSymbolicLink(link, temp.resolve("secret.txt"));

    assertThat(get(stored.path())).isEqualTo(200);
    assertThat(get("gitrepository/apps/paths/" + "0".repeat(64) + ".tar.gz")).isEqualTo(404);
    assertThat(get(directory + "/" + "f".repeat(64) + ".tar.gz")).isEqualTo(404);
    assertThat(get(directory + "/history")).isEqualTo(404);
    assertThat(rawStatus("/../secret.txt")).isIn(400, 404);
    assertThat(rawStatus("/gitrepository/apps/../../../secret.txt")).isIn(400, 404);
    assertThat(rawStatus("/gitrepository/apps/%2e%2e/%2e%2e/" + "a".repeat(64) + ".tar.gz"))
        .isIn(400, 404);
    assertThat(rawStatus("/gitrepository%2fapps%2fpaths/" + stored.path().substring(23)))
        .isIn(400, 404);
    HttpResponse<String> post =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + stored.path()))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private static StoredArtifact store(String namespace, String name, String content)
      throws Exception {
    Path tree = Files.createDirectories(temp.resolve("trees").resolve(name));
    Files.writeString(tree.resolve("a.yaml"), content);
    return leader.storeDirectory(
        new SourceKey("gitrepository", namespace, name), "main@sha1:" + "a".repeat(40), tree);
  }

  private static ArtifactStore follower(String name) throws Exception {
    return new ArtifactStore(
        temp.resolve(name),
        ArtifactStoreOptions.defaults().withDownloadTimeout(Duration.ofSeconds(5)));
  }

  private static Artifact artifact(StoredArtifact stored) {
    return new Artifact(
        stored.path(),
        base + stored.path(),
        stored.revision(),
        stored.digest(),
        stored.lastUpdateTime().toString(),
        stored.size(),
        null);
  }

  private static Run<KustomizationStatus> run() {
    return new Run<>(
        new ResourceKey("Kustomization", "apps", "app"),
        1,
        Trigger.INTERVAL,
        List.of(),
        new KustomizationStatus(),
        Clock.systemUTC());
  }

  private static int get(String path) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Sends the request line as written, so that no client normalizes the path first. */
  private static int rawStatus(String rawPath) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String statusLine =
          new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }
}
