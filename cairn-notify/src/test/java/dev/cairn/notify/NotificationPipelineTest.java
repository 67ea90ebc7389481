package dev.cairn.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.notify.provider.NotifyException;
import dev.cairn.notify.provider.ProviderSettings;
import dev.cairn.testkit.http.RecordingHttpServer;
import dev.cairn.testkit.http.RecordingHttpServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline against real HTTP servers: a hanging provider holds up nothing else, full queues
 * drop the oldest (counted), duplicates go once, failures are retried with backoff unless retrying
 * cannot help, and no secret reaches a log line.
 */
class NotificationPipelineTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TOKEN = "t0ken-never-logged";
  private static RecordingHttpServer stuck;
  private static RecordingHttpServer healthy;

  /** Alerts and Providers held in memory: the port the controller fills from the cluster. */
  static final class Routes implements RouteSource {
    final List<AlertRule> alerts;
    final Map<String, ProviderSettings> providers = new ConcurrentHashMap<>();

    Routes(List<AlertRule> alerts) {
      this.alerts = alerts;
    }

    @Override
    public List<AlertRule> alerts() {
      return alerts;
    }

    @Override
    public Optional<ProviderSettings> provider(String namespace, String name)
        throws NotifyException {
      ProviderSettings settings = providers.get(name);
      if (settings == null) {
        throw new NotifyException("Provider " + name + " not found", true);
      }
      return Optional.of(settings);
    }
  }

  @BeforeAll
  static void start() {
    stuck = RecordingHttpServer.start().hang(r -> true);
    healthy = RecordingHttpServer.start();
  }

  @AfterAll
  static void stop() {
    stuck.close();
    healthy.close();
  }

  private static AlertRule alert(String name, String provider, String kindName) {
    return new AlertRule(
        "apps",
        name,
        provider,
        "info",
        List.of(new SourceSelector("Kustomization", kindName, "apps", Map.of())),
        List.of(),
        List.of(),
        Map.of(),
        null,
        false);
  }

  private static ProviderSettings generic(String name, RecordingHttpServer server, String path) {
    return new ProviderSettings(
        "apps",
        name,
        "",
        "generic",
        server.url() + path,
        false,
        null,
        null,
        TOKEN,
        null,
        Map.of("Authorization", "Bearer " + TOKEN),
        null,
        Duration.ofMinutes(10),
        null);
  }

  private static PipelineOptions fast() {
    return PipelineOptions.defaults()
        .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(40))
        .withRate(1000, 1000);
  }

  private static long requestsTo(RecordingHttpServer server, String path) {
    return server.requests().stream().filter(r -> r.path().equals(path)).count();
  }

  @Test
  void aHangingProviderNeitherBlocksTheCallerNorAnotherProvider() {
    Routes routes =
        new Routes(List.of(alert("to-stuck", "stuck", "*"), alert("to-healthy", "healthy", "*")));
    routes.providers.put("stuck", generic("stuck", stuck, "/hang-a"));
    routes.providers.put("healthy", generic("healthy", healthy, "/ok-a"));
    try (NotificationPipeline pipeline =
        new NotificationPipeline(routes, fast(), Clock.systemUTC()).start()) {
      pipeline.accept(Events.of("Kustomization", "first", "info", "R", "one"));
      await().atMost(WAIT).until(() -> requestsTo(stuck, "/hang-a") == 1);
      await().atMost(WAIT).until(() -> requestsTo(healthy, "/ok-a") == 1);

      for (int i = 0; i < 10; i++) {
        pipeline.accept(Events.of("Kustomization", "later", "info", "R", "event " + i));
      }

      await().atMost(WAIT).until(() -> requestsTo(healthy, "/ok-a") == 11);
      await().atMost(WAIT).until(() -> pipeline.stats().sent() == 11);
      assertThat(requestsTo(stuck, "/hang-a")).isEqualTo(1);
    }
  }

  @Test
  void aFullQueueDropsTheOldestAndCountsIt() {
    Routes routes = new Routes(List.of(alert("to-stuck", "stuck", "*")));
    routes.providers.put("stuck", generic("stuck", stuck, "/hang-b"));
    try (NotificationPipeline pipeline =
        new NotificationPipeline(routes, fast().withQueueCapacity(2), Clock.systemUTC()).start()) {
      pipeline.accept(Events.of("Kustomization", "a", "info", "R", "in flight"));
      await().atMost(WAIT).until(() -> requestsTo(stuck, "/hang-b") == 1);
      for (int i = 0; i < 5; i++) {
        pipeline.accept(Events.of("Kustomization", "a", "info", "R", "queued " + i));
      }

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(pipeline.queued()).isEqualTo(2);
                assertThat(pipeline.stats().dropped()).isEqualTo(3);
              });
    }
  }

  @Test
  void anIdenticalEventWithinTheWindowIsSentOnce() {
    Routes routes = new Routes(List.of(alert("dedup", "healthy", "web")));
    routes.providers.put("healthy", generic("healthy", healthy, "/dedup"));
    try (NotificationPipeline pipeline =
        new NotificationPipeline(routes, fast(), Clock.systemUTC()).start()) {
      NotifyEvent event = Events.of("Kustomization", "web", "error", "HealthCheckFailed", "x");
      pipeline.accept(event);
      pipeline.accept(event);
      pipeline.accept(Events.of("Kustomization", "other", "error", "HealthCheckFailed", "x"));
      pipeline.accept(Events.of("Kustomization", "web", "info", "ReconciliationSucceeded", "y"));

      await().atMost(WAIT).until(() -> requestsTo(healthy, "/dedup") == 2);
      await().atMost(WAIT).until(() -> pipeline.stats().received() == 4);
      assertThat(pipeline.stats().duplicates()).isEqualTo(1);
    }
  }

  @Test
  void serverErrorsAreRetriedAndClientErrorsAreNotAndNoSecretIsLogged() {
    RecordingHttpServer flaky = RecordingHttpServer.start();
    AtomicInteger calls = new AtomicInteger();
    flaky.answer(
        r ->
            r.path().equals("/flaky")
                ? new Reply(calls.incrementAndGet() <= 2 ? 503 : 200, "{}")
                : new Reply(400, "{}"));
    Routes routes =
        new Routes(List.of(alert("flaky", "flaky", "web"), alert("refused", "refused", "db")));
    routes.providers.put("flaky", generic("flaky", flaky, "/flaky"));
    routes.providers.put(
        "refused",
        new ProviderSettings(
            "apps",
            "refused",
            "",
            "generic",
            flaky.url() + "/secret-path-" + TOKEN,
            true,
            null,
            null,
            TOKEN,
            null,
            Map.of(),
            null,
            null,
            null));
    PrintStream err = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try (flaky;
        NotificationPipeline pipeline =
            new NotificationPipeline(routes, fast(), Clock.systemUTC()).start()) {
      pipeline.accept(Events.of("Kustomization", "web", "info", "R", "retry me"));
      pipeline.accept(Events.of("Kustomization", "db", "info", "R", "refuse me"));

      await().atMost(WAIT).until(() -> pipeline.stats().sent() == 1);
      await().atMost(WAIT).until(() -> pipeline.stats().failed() == 1);
      assertThat(requestsTo(flaky, "/flaky")).isEqualTo(3);
      assertThat(pipeline.stats().retried()).isEqualTo(2);
      assertThat(flaky.requests().stream().filter(r -> r.path().startsWith("/secret-path")))
          .hasSize(1);
    } finally {
      System.setErr(err);
    }
    String log = logged.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("cannot notify Provider apps/refused").contains("HTTP 400");
    assertThat(log).doesNotContain(TOKEN);
  }
}
