package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitAuthIT {
  private static final String USER = "flux";
  private static final String PASSWORD = "s3cr3t-Pa55word";
  private static final String TOKEN = "tok-9f8e7d6c5b4a";

  @TempDir static Path temp;
  private GitHttpServer basic;
  private GitHttpServer bearer;
  private String basicUrl;
  private String bearerUrl;
  private String head;
  private GitFetcher fetcher;

  @BeforeAll
  void start() throws Exception {
    basic = GitHttpServer.start(temp.resolve("basic"), USER, PASSWORD);
    bearer = GitHttpServer.startWithBearer(temp.resolve("bearer"), TOKEN);
    basicUrl = basic.createRepository("private");
    bearerUrl = bearer.createRepository("private");
    GitWorkingCopy copy = GitWorkingCopy.init(temp.resolve("work"));
    head = copy.write("a.yaml", "a").commitAll("a");
    copy.withBasicAuth(USER, PASSWORD).push(basicUrl);
    copy.withBearerToken(TOKEN).push(bearerUrl);
    ArtifactStore store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    fetcher = new GitFetcher(temp.resolve("cache"), store);
  }

  @AfterAll
  void stop() {
    basic.close();
    bearer.close();
  }

  private static SourceKey key(String name) {
    return new SourceKey("gitrepository", "default", name);
  }

  private static GitSourceSpec spec(String url, GitCredentials credentials) {
    return GitSourceSpec.of(url).withRef(GitRef.ofBranch("main")).withCredentials(credentials);
  }

  @Test
  void basicAuthFetches() throws Exception {
    GitFetchResult result =
        fetcher.fetch(key("basic"), spec(basicUrl, GitCredentials.basic(USER, PASSWORD)));
    assertThat(result.revision()).isEqualTo("main@sha1:" + head);
  }

  @Test
  void bearerTokenFetches() throws Exception {
    GitFetchResult result =
        fetcher.fetch(key("bearer"), spec(bearerUrl, GitCredentials.bearer(TOKEN)));
    assertThat(result.revision()).isEqualTo("main@sha1:" + head);
  }

  @Test
  void wrongPasswordIsAuthenticationFailedAndNeverRevealed() {
    String wrong = "wr0ng-" + PASSWORD;
    assertThatThrownBy(
            () -> fetcher.fetch(key("wrong"), spec(basicUrl, GitCredentials.basic(USER, wrong))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED);
              assertThat(e.reason().conditionReason()).isEqualTo("AuthenticationFailed");
              assertThat(e.getMessage()).contains(basicUrl);
              assertSecretAbsent(e, wrong);
              assertSecretAbsent(e, PASSWORD);
            });
  }

  @Test
  void debugLogsOfAFailedAndASuccessfulFetchCarryNoSecret() throws Exception {
    String wrong = "log-" + PASSWORD;
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(
          () -> fetcher.fetch(key("logs"), spec(basicUrl, GitCredentials.basic(USER, wrong))));
      fetcher.fetch(key("logs"), spec(basicUrl, GitCredentials.basic(USER, PASSWORD)));
    } finally {
      System.setErr(original);
    }
    String logs = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(logs).contains("fetch for gitrepository/default/logs failed").contains(head);
    assertThat(logs).doesNotContain(wrong).doesNotContain(PASSWORD);
  }

  @Test
  void wrongTokenIsAuthenticationFailedAndNeverRevealed() {
    String wrong = "bad-" + TOKEN;
    assertThatThrownBy(
            () -> fetcher.fetch(key("badtoken"), spec(bearerUrl, GitCredentials.bearer(wrong))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED);
              assertSecretAbsent(e, wrong);
            });
  }

  @Test
  void missingCredentialsAreAuthenticationFailed() {
    assertThatThrownBy(() -> fetcher.fetch(key("none"), spec(basicUrl, GitCredentials.none())))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED));
  }

  @Test
  void credentialsAndSpecsNeverPrintSecrets() {
    GitCredentials credentials =
        new GitCredentials(USER, PASSWORD, TOKEN, "-----BEGIN KEY-----", "phrase-xyz", "host");
    String text = credentials + " " + spec(basicUrl, credentials);
    assertThat(text).doesNotContain(PASSWORD, TOKEN, "BEGIN KEY", "phrase-xyz");
  }

  /** Every message, toString and stack trace line in the cause chain is free of the secret. */
  static void assertSecretAbsent(Throwable error, String secret) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(secret);
    for (Throwable t = error; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
      assertThat(t.toString()).doesNotContain(secret);
      assertThat(t.getClass().getName()).doesNotStartWith("org.eclipse.jgit");
    }
  }
}
