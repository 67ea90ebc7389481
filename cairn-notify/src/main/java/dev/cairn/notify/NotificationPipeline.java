package dev.cairn.notify;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes events to Providers: {@link #accept} only puts the event on a bounded intake queue (the
 * oldest is dropped when full) and returns; one dispatcher thread matches it against the Alerts,
 * drops duplicates, and hands a notification per matching Alert to its Provider's {@link
 * ProviderLane}. A Provider that hangs or fails never slows the caller nor another Provider.
 */
public final class NotificationPipeline implements EventSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationPipeline.class);

  private final RouteSource routes;
  private final PipelineOptions options;
  private final PipelineStats stats = new PipelineStats();
  private final DropOldestQueue<NotifyEvent> intake;
  private final Deduplicator dedup;
  private final Map<String, ProviderLane> lanes = new ConcurrentHashMap<>();
  private final Thread dispatcher;
  private volatile boolean closed;

  public NotificationPipeline(RouteSource routes, PipelineOptions options, Clock clock) {
    this.routes = routes;
    this.options = options;
    this.intake = new DropOldestQueue<>(options.queueCapacity(), stats);
    this.dedup = new Deduplicator(options.dedupWindow(), clock);
    this.dispatcher = new Thread(this::loop, "cairn-notify-dispatch");
    dispatcher.setDaemon(true);
  }

  /** Starts the dispatcher; events accepted before are kept (up to the queue's capacity). */
  public NotificationPipeline start() {
    if (!dispatcher.isAlive() && !closed) {
      dispatcher.start();
    }
    return this;
  }

  @Override
  public void accept(NotifyEvent event) {
    if (closed || event == null) {
      return;
    }
    stats.received.incrementAndGet();
    intake.offer(event);
  }

  public PipelineStats stats() {
    return stats;
  }

  /** Events and notifications waiting, over the intake and every Provider's queue. */
  public int queued() {
    return intake.size() + lanes.values().stream().mapToInt(ProviderLane::queued).sum();
  }

  private void loop() {
    while (!closed) {
      try {
        NotifyEvent event = intake.poll(500);
        if (event != null) {
          dispatch(event);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("cannot route an event to its Alerts: {}", e.getMessage());
      }
    }
  }

  /** Matches one event against every Alert and queues its notifications. */
  void dispatch(NotifyEvent event) {
    List<AlertRule> alerts = routes.alerts();
    for (AlertRule alert : alerts) {
      if (!alert.matches(event, options.regexLimit())) {
        continue;
      }
      NotifyEvent notification = alert.notification(event);
      if (!dedup.firstTime(alert, notification)) {
        stats.duplicates.incrementAndGet();
        continue;
      }
      lane(alert.namespace(), alert.provider())
          .offer(new ProviderLane.Delivery(alert, notification));
    }
  }

  private ProviderLane lane(String namespace, String name) {
    return lanes.computeIfAbsent(
        namespace + "/" + name, k -> new ProviderLane(namespace, name, routes, options, stats));
  }

  @Override
  public void close() {
    closed = true;
    dispatcher.interrupt();
    lanes.values().forEach(ProviderLane::close);
  }
}
