package dev.cairn.source.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.helm.HelmRepoServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmRepositoryFetcherIT {
  private static final String USER = "helm";
  private static final String PASSWORD = "chart-Pa55-w0rd";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  @TempDir static Path classTemp;
  private HelmRepoServer server;
  private final Map<String, Path> packages = new HashMap<>();

  @TempDir Path temp;
  private ArtifactStore store;
  private HelmRepositoryFetcher fetcher;

  @BeforeAll
  void publishCharts() {
    server = HelmRepoServer.start(classTemp.resolve("repo"), USER, PASSWORD);
    for (String version : new String[] {"1.0.0", "1.2.0", "2.0.0"}) {
      Path chart = HelmCharts.create(classTemp.resolve("src-" + version), "podinfo", version);
      Path packaged = HelmCharts.packageChart(chart, classTemp.resolve("pkg"), "podinfo", version);
      packages.put(version, packaged);
      server.addChart("podinfo", version, packaged);
    }
    Path other = HelmCharts.create(classTemp.resolve("src-tampered"), "tampered", "1.0.0");
    server.addChart(
        "tampered",
        "1.0.0",
        HelmCharts.packageChart(other, classTemp.resolve("pkg"), "tampered", "1.0.0"),
        "0".repeat(64));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @BeforeEach
  void newStore() throws Exception {
    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    fetcher = new HelmRepositoryFetcher(store, HelmFetcherOptions.defaults());
  }

  private HelmRepositoryEndpoint repo() {
    return HelmRepositoryEndpoint.of(server.url())
        .withCredentials(HelmCredentials.basic(USER, PASSWORD));
  }

  private static SourceKey key(String name) {
    return new SourceKey("helmchart", "default", name);
  }

  private Path extract(StoredArtifact artifact) throws SourceException {
    Path out = temp.resolve("out-" + COUNTER.incrementAndGet());
    store.extract(artifact, out);
    return out;
  }

  private static String sha256(Path file) throws Exception {
    return "sha256:"
        + HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void indexRevisionIsItsDigestAndParsingIsCachedByDigest() throws Exception {
    SourceKey key = new SourceKey("helmrepository", "default", "podinfo");
    HelmIndexResult first = fetcher.fetchIndex(key, repo());
    HelmIndexResult second = fetcher.fetchIndex(key, repo());

    assertThat(first.digest()).matches("sha256:[0-9a-f]{64}");
    assertThat(first.artifact().revision()).isEqualTo(first.digest());
    assertThat(first.index().entries().get("podinfo"))
        .extracting(ChartVersion::version)
        .containsExactlyInAnyOrder("1.0.0", "1.2.0", "2.0.0");
    assertThat(second.index()).isSameAs(first.index());
    assertThat(server.requestsWithAuthorization()).isPositive();
    assertThat(extract(first.artifact()).resolve("index.yaml")).exists();
  }

  @Test
  void pullsTheHighestMatchingVersionAndVerifiesItsDigest() throws Exception {
    HelmChartResult result =
        fetcher.pullChart(key("podinfo"), repo(), ChartPullRequest.of("podinfo", "^1.0.0"));

    assertThat(result.version()).isEqualTo("1.2.0");
    assertThat(result.digest()).isEqualTo(sha256(packages.get("1.2.0")));
    assertThat(result.artifact().revision()).isEqualTo("1.2.0");
    assertThat(extract(result.artifact()).resolve("podinfo/Chart.yaml"))
        .content()
        .contains("version: 1.2.0");
  }

  @Test
  void starMeansLatest() throws Exception {
    HelmChartResult result =
        fetcher.pullChart(key("latest"), repo(), ChartPullRequest.of("podinfo", null));
    assertThat(result.version()).isEqualTo("2.0.0");
  }

  @Test
  void noMatchingVersionIsChartNotFound() {
    assertThatThrownBy(
            () -> fetcher.pullChart(key("none"), repo(), ChartPullRequest.of("podinfo", ">=3.0.0")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.CHART_NOT_FOUND);
              assertThat(e.getMessage()).contains("podinfo", ">=3.0.0", server.url());
            });
  }

  @Test
  void digestMismatchIsChartPullFailedAndKeepsTheLastGoodArtifact() throws Exception {
    StoredArtifact good =
        fetcher
            .pullChart(key("guarded"), repo(), ChartPullRequest.of("podinfo", "1.0.0"))
            .artifact();

    // same chart key, now pointed at a package whose index digest is wrong
    assertThatThrownBy(
            () -> fetcher.pullChart(key("guarded"), repo(), ChartPullRequest.of("tampered", "*")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.CHART_PULL_FAILED);
              assertThat(e.getMessage()).contains("tampered", "0".repeat(64));
            });
    assertThat(store.current(key("guarded"))).contains(good);
  }

  @Test
  void wrongPasswordIsAuthenticationFailedAndNeverRevealed() {
    String wrong = "not-" + PASSWORD;
    HelmRepositoryEndpoint spec =
        HelmRepositoryEndpoint.of(server.url()).withCredentials(HelmCredentials.basic(USER, wrong));
    assertThatThrownBy(
            () -> fetcher.pullChart(key("auth"), spec, ChartPullRequest.of("podinfo", "*")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED);
              StringWriter trace = new StringWriter();
              e.printStackTrace(new PrintWriter(trace));
              assertThat(trace.toString()).doesNotContain(wrong).doesNotContain(PASSWORD);
            });
    assertThat(spec.toString()).doesNotContain(wrong);
  }

  @Test
  void credentialsAreNotSentToChartUrlsOnOtherHosts() throws Exception {
    Path packaged =
        HelmCharts.packageChart(
            HelmCharts.create(temp.resolve("elsewhere-src"), "elsewhere", "1.0.0"),
            temp.resolve("elsewhere-pkg"),
            "elsewhere",
            "1.0.0");
    try (HelmRepoServer mirror = HelmRepoServer.start(temp.resolve("mirror"))) {
      mirror.addChart("elsewhere", "1.0.0", packaged);
      server.addExternalChart(
          "elsewhere",
          "1.0.0",
          mirror.url() + "charts/elsewhere-1.0.0.tgz",
          HelmRepoServer.digestOf(packaged));

      HelmChartResult result =
          fetcher.pullChart(key("elsewhere"), repo(), ChartPullRequest.of("elsewhere", "*"));

      assertThat(result.digest()).isEqualTo(sha256(packaged));
      assertThat(mirror.hits("/charts/elsewhere-1.0.0.tgz")).isEqualTo(1);
      assertThat(mirror.requestsWithAuthorization()).isZero();

      // a redirect from the repository to the other host must not carry the credentials either
      server.redirect("/moved/elsewhere-1.0.0.tgz", mirror.url() + "charts/elsewhere-1.0.0.tgz");
      server.addExternalChart(
          "elsewhere", "1.0.0", "moved/elsewhere-1.0.0.tgz", HelmRepoServer.digestOf(packaged));
      HelmChartResult redirected =
          fetcher.pullChart(key("redirected"), repo(), ChartPullRequest.of("elsewhere", "*"));

      assertThat(redirected.digest()).isEqualTo(result.digest());
      assertThat(server.hits("/moved/elsewhere-1.0.0.tgz")).isEqualTo(1);
      assertThat(mirror.hits("/charts/elsewhere-1.0.0.tgz")).isEqualTo(2);
      assertThat(mirror.requestsWithAuthorization()).isZero();
    }
  }

  @Test
  void passCredentialsSendsThemToChartUrlsOnOtherHostsButNotOnRedirects() throws Exception {
    Path packaged =
        HelmCharts.packageChart(
            HelmCharts.create(temp.resolve("passed-src"), "passed", "1.0.0"),
            temp.resolve("passed-pkg"),
            "passed",
            "1.0.0");
    try (HelmRepoServer cdn = HelmRepoServer.start(temp.resolve("cdn"), USER, PASSWORD)) {
      cdn.addChart("passed", "1.0.0", packaged);
      server.addExternalChart(
          "passed",
          "1.0.0",
          cdn.url() + "charts/passed-1.0.0.tgz",
          HelmRepoServer.digestOf(packaged));

      assertThatThrownBy(
              () ->
                  fetcher.pullChart(key("not-passed"), repo(), ChartPullRequest.of("passed", "*")))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED));
      HelmChartResult result =
          fetcher.pullChart(
              key("passed"), repo().withPassCredentials(true), ChartPullRequest.of("passed", "*"));

      assertThat(result.digest()).isEqualTo(sha256(packaged));
      assertThat(cdn.requestsWithAuthorization()).isEqualTo(1);

      server.redirect("/moved/passed-1.0.0.tgz", cdn.url() + "charts/passed-1.0.0.tgz");
      server.addExternalChart(
          "passed", "1.0.0", "moved/passed-1.0.0.tgz", HelmRepoServer.digestOf(packaged));
      assertThatThrownBy(
              () ->
                  fetcher.pullChart(
                      key("passed-redirect"),
                      repo().withPassCredentials(true),
                      ChartPullRequest.of("passed", "*")))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED));
      assertThat(cdn.requestsWithAuthorization()).isEqualTo(1);
    }
  }

  @Test
  void invalidUrlIsUrlInvalid() {
    assertThatThrownBy(
            () ->
                fetcher.fetchIndex(key("bad"), HelmRepositoryEndpoint.of("ftp://127.0.0.1/charts")))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.reason()).isEqualTo(SourceReason.URL_INVALID));
  }

  @Test
  void chartFromAGitArtifactDirectory() throws Exception {
    Path tree = temp.resolve("tree");
    HelmCharts.create(tree.resolve("charts"), "webapp", "0.3.1");
    Files.writeString(tree.resolve("README.md"), "not part of the chart");
    StoredArtifact gitArtifact =
        store.storeDirectory(new SourceKey("gitrepository", "default", "app"), "main@sha1:x", tree);

    HelmChartResult chart =
        new ChartFromArtifact(store).extract(key("webapp"), gitArtifact, "./charts/webapp");

    assertThat(chart.chart()).isEqualTo("webapp");
    assertThat(chart.version()).isEqualTo("0.3.1");
    Path out = extract(chart.artifact());
    assertThat(out.resolve("webapp/Chart.yaml")).exists();
    assertThat(out.resolve("webapp/templates")).isDirectory();
    assertThat(out.resolve("README.md")).doesNotExist();
  }
}
