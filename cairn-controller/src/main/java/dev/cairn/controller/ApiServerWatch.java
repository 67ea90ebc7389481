package dev.cairn.controller;

import dev.cairn.api.FluxDuration;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the API server answers, asked of its {@code /version} endpoint (readable by any identity)
 * every {@code period} while it does, and with exponential backoff from {@code firstRetry} up to
 * {@code maxRetry} while it does not. Every failed attempt is logged on one line (what failed, the
 * attempt number and when the next one is), so an operator sees the truth instead of silence; a
 * recovery is logged once. {@code /readyz} reads {@link #reachable()}.
 *
 * <p>The watch asks with a client of its own that does not retry (the fabric8 client retries a
 * refused connection for many seconds), with the connection and request timeouts of {@code
 * maxRetry}.
 */
public final class ApiServerWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServerWatch.class);

  private final KubernetesClient client;
  private final String url;
  private final Settings settings;
  private final ScheduledExecutorService scheduler;
  private final Object lock = new Object();
  private boolean reachable;
  private boolean everReachable;
  private int failures;
  private boolean closed;

  /**
   * How often to ask.
   *
   * @param period between two checks while the server answers
   * @param firstRetry the wait after the first failure; doubled per further failure
   * @param maxRetry the longest wait between two attempts, and the timeout of one
   */
  public record Settings(Duration period, Duration firstRetry, Duration maxRetry) {
    public Settings {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(firstRetry, "firstRetry");
      Objects.requireNonNull(maxRetry, "maxRetry");
    }

    /** Every 10 s while reachable; 1 s, 2 s, 4 s ... up to 30 s while not. */
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
  }

  private ApiServerWatch(Config config, Settings settings) {
    this.settings = settings;
    this.url = config.getMasterUrl();
    int timeout = (int) Math.min(Integer.MAX_VALUE, settings.maxRetry().toMillis());
    this.client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(config)
                    .withRequestRetryBackoffLimit(0)
                    .withConnectionTimeout(timeout)
                    .withRequestTimeout(timeout)
                    .build())
            .build();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "cairn-api-server-watch");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts asking at once. */
  public static ApiServerWatch start(Config config, Settings settings) {
    ApiServerWatch watch = new ApiServerWatch(config, settings);
    watch.scheduler.execute(watch::check);
    return watch;
  }

  /** True when the last attempt got an answer. */
  public boolean reachable() {
    synchronized (lock) {
      return reachable;
    }
  }

  /** Waits up to {@code timeout} for the server to answer; true when it did. */
  public boolean awaitReachable(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!reachable && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return reachable;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    scheduler.shutdownNow();
    client.close();
  }

  private void check() {
    Duration next;
    try {
      VersionInfo version = client.getKubernetesVersion();
      next = answered(version == null ? "unknown" : version.getGitVersion());
    } catch (RuntimeException e) {
      next = failed(reason(e));
    }
    synchronized (lock) {
      if (closed) {
        return;
      }
    }
    scheduler.schedule(this::check, next.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Duration answered(String version) {
    synchronized (lock) {
      if (!reachable) {
        if (!everReachable) {
          LOG.info(
              "connected to the API server at {} (Kubernetes {}){}",
              url,
              version,
              failures == 0 ? "" : " after " + failures + " failed attempt(s)");
        } else {
          LOG.info(
              "the API server at {} answers again after {} failed attempt(s) (Kubernetes {})",
              url,
              failures,
              version);
        }
      }
      reachable = true;
      everReachable = true;
      failures = 0;
      lock.notifyAll();
    }
    return settings.period();
  }

  private Duration failed(String reason) {
    synchronized (lock) {
      failures++;
      Duration wait = backoff(failures);
      if (reachable) {
        LOG.error(
            "lost the API server at {}: {}; not ready until it answers, next attempt in {}",
            url,
            reason,
            FluxDuration.format(wait));
      } else {
        LOG.warn(
            "cannot reach the API server at {}: {} (attempt {}, next in {})",
            url,
            reason,
            failures,
            FluxDuration.format(wait));
      }
      reachable = false;
      return wait;
    }
  }

  /** The wait after {@code failures} consecutive failures: first * 2^(n-1), at most max. */
  Duration backoff(int failures) {
    Duration wait = settings.firstRetry();
    for (int i = 1; i < failures && wait.compareTo(settings.maxRetry()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
  }

  /** One short sentence: the HTTP status the server gave, or the root cause of the failure. */
  static String reason(Throwable failure) {
    if (failure instanceof KubernetesClientException api && api.getCode() > 0) {
      return switch (api.getCode()) {
        case 401 -> "it refused the credentials (401 Unauthorized)";
        case 403 -> "it refused access to /version (403 Forbidden)";
        default -> "it answered " + api.getCode();
      };
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (t instanceof java.net.UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return "TLS failed: " + t.getMessage();
      }
      if (t instanceof java.net.http.HttpTimeoutException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof java.net.SocketTimeoutException) {
        return "no answer in time";
      }
      if (t instanceof java.nio.channels.ClosedChannelException) {
        return "connection closed before an answer (is anything listening?)";
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
