package dev.cairn.notify;

import dev.cairn.notify.provider.Notifier;
import dev.cairn.notify.provider.NotifierFactory;
import dev.cairn.notify.provider.NotifyException;
import dev.cairn.notify.provider.ProviderSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries to one Provider: its own bounded drop-oldest queue and its own thread, so a
 * provider that hangs or fails holds up only its own notifications. Each delivery reads the
 * Provider and its Secret afresh (a rotated token is used at once), waits for the rate limit, and
 * retries with doubling backoff while the failure is retryable.
 */
final class ProviderLane implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderLane.class);

  /** One notification for this Provider, on behalf of one Alert. */
  record Delivery(AlertRule alert, NotifyEvent notification) {}

  private final String namespace;
  private final String name;
  private final RouteSource routes;
  private final PipelineOptions options;
  private final PipelineStats stats;
  private final DropOldestQueue<Delivery> queue;
  private final TokenBucket bucket;
  private final Thread thread;
  private volatile boolean closed;
  private ProviderSettings cachedSettings;
  private Notifier cachedNotifier;

  ProviderLane(
      String namespace,
      String name,
      RouteSource routes,
      PipelineOptions options,
      PipelineStats stats) {
    this.namespace = namespace;
    this.name = name;
    this.routes = routes;
    this.options = options;
    this.stats = stats;
    this.queue = new DropOldestQueue<>(options.queueCapacity(), stats);
    this.bucket = new TokenBucket(options.ratePerSecond(), options.burst());
    this.thread = new Thread(this::loop, "cairn-notify-" + namespace + "-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  void offer(Delivery delivery) {
    queue.offer(delivery);
  }

  int queued() {
    return queue.size();
  }

  private void loop() {
    while (!closed) {
      try {
        Delivery delivery = queue.poll(500);
        if (delivery != null) {
          bucket.acquire();
          deliver(delivery);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("Provider {}/{}: delivery failed: {}", namespace, name, e.getClass().getName());
      }
    }
  }

  private void deliver(Delivery delivery) throws InterruptedException {
    Duration backoff = options.firstBackoff();
    for (int attempt = 1; ; attempt++) {
      try {
        attempt(delivery);
        return;
      } catch (NotifyException e) {
        String message = redact(e.getMessage());
        if (!e.retryable() || attempt >= options.maxAttempts()) {
          stats.failed.incrementAndGet();
          LOG.warn(
              "Alert {}: cannot notify Provider {}/{} of {} ({}): {}",
              delivery.alert().id(),
              namespace,
              name,
              delivery.notification().object().id(),
              delivery.notification().reason(),
              message);
          return;
        }
        stats.retried.incrementAndGet();
        LOG.debug(
            "Provider {}/{}: attempt {} failed, retrying: {}", namespace, name, attempt, message);
        LockSupport.parkNanos(backoff.toNanos());
        if (Thread.interrupted() || closed) {
          throw new InterruptedException();
        }
        backoff = min(backoff.multipliedBy(2), options.maxBackoff());
      }
    }
  }

  private void attempt(Delivery delivery) throws NotifyException {
    Optional<ProviderSettings> found = routes.provider(namespace, name);
    if (found.isEmpty()) {
      LOG.debug("Provider {}/{} is suspended: notification dropped", namespace, name);
      return;
    }
    ProviderSettings settings = found.get();
    NotifyEvent event = delivery.notification();
    if (NotifierFactory.COMMIT_STATUS_TYPES.contains(settings.type())
        && event.revision().isEmpty()) {
      LOG.debug("{} carries no revision: not for commit-status Provider {}", event.reason(), name);
      return;
    }
    notifier(settings).post(event);
    stats.sent.incrementAndGet();
  }

  private synchronized Notifier notifier(ProviderSettings settings) throws NotifyException {
    if (!settings.equals(cachedSettings)) {
      cachedNotifier = NotifierFactory.create(settings);
      cachedSettings = settings;
    }
    return cachedNotifier;
  }

  private synchronized String redact(String message) {
    return cachedSettings == null ? message : cachedSettings.redact(message);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
