package dev.cairn.engine;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.Conditions;
import dev.cairn.api.ReconcileStatus;
import dev.cairn.notify.EventSink;
import dev.cairn.notify.InvolvedObject;
import dev.cairn.notify.NotifyEvent;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about Cairn objects, one per call, with the source revision as the
 * annotation {@value #REVISION_ANNOTATION}. Deciding when something is worth an event is the
 * reconciler's job; this class only writes. A failed write is logged, never fatal.
 */
public final class EventRecorder {
  public static final String REVISION_ANNOTATION = "cairn.dev/revision";
  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";

  /** Kubernetes refuses event messages longer than this. */
  private static final int MAX_MESSAGE = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final String component;
  private final Clock clock;
  private final EventSink sink;

  /**
   * @param component the reporting component, e.g. {@code cairn-controller}
   */
  public EventRecorder(KubernetesClient client, String component, Clock clock) {
    this(client, component, clock, EventSink.none());
  }

  /**
   * @param sink also receives every event (the notification pipeline); it must not block
   */
  public EventRecorder(KubernetesClient client, String component, Clock clock, EventSink sink) {
    this.client = client;
    this.component = component;
    this.clock = clock;
    this.sink = sink;
  }

  /**
   * True when a run's failure is news worth a Warning event: the object was not already Ready=False
   * with the same message before the run.
   */
  public static boolean isNewFailure(ReconcileException error, ReconcileStatus before) {
    Condition ready = Conditions.find(before, ConditionTypes.READY).orElse(null);
    return !Conditions.isFalse(ready) || !error.getMessage().equals(ready.getMessage());
  }

  /**
   * A Warning event for a failed run whose failure is news ({@link #isNewFailure}); true when the
   * run failed, whether or not the event was news.
   */
  public boolean recordNewFailure(
      HasMetadata involved, ReconcileException error, ReconcileStatus before) {
    if (error == null) {
      return false;
    }
    if (isNewFailure(error, before)) {
      record(involved, WARNING, error.reason(), error.getMessage(), null);
    }
    return true;
  }

  /** Records one event about {@code involved}; returns the event written, or null on failure. */
  public Event record(
      HasMetadata involved, String type, String reason, String message, String revision) {
    String now =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(involved.getMetadata().getName() + "." + suffix())
            .withNamespace(involved.getMetadata().getNamespace())
            .withAnnotations(revision == null ? Map.of() : Map.of(REVISION_ANNOTATION, revision))
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(involved.getApiVersion())
            .withKind(involved.getKind())
            .withName(involved.getMetadata().getName())
            .withNamespace(involved.getMetadata().getNamespace())
            .withUid(involved.getMetadata().getUid())
            .withResourceVersion(involved.getMetadata().getResourceVersion())
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(text)
            .withNewSource()
            .withComponent(component)
            .endSource()
            .withReportingComponent(component)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .build();
    forward(involved, type, reason, message, revision);
    try {
      return client
          .v1()
          .events()
          .inNamespace(event.getMetadata().getNamespace())
          .resource(event)
          .create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "cannot record event {} for {}: {}",
          reason,
          involved.getMetadata().getName(),
          e.getMessage());
      return null;
    }
  }

  /** Hands the event to the sink (which only queues it); a failing sink is logged, never fatal. */
  private void forward(
      HasMetadata involved, String type, String reason, String message, String revision) {
    try {
      ObjectMeta meta = involved.getMetadata();
      sink.accept(
          new NotifyEvent(
              new InvolvedObject(
                  involved.getApiVersion(),
                  involved.getKind(),
                  meta.getNamespace(),
                  meta.getName(),
                  meta.getUid(),
                  meta.getResourceVersion(),
                  meta.getLabels()),
              WARNING.equals(type) ? NotifyEvent.ERROR : NotifyEvent.INFO,
              reason,
              message,
              revision == null ? Map.of() : Map.of(NotifyEvent.REVISION, revision),
              clock.instant(),
              component));
    } catch (RuntimeException e) {
      LOG.warn("cannot hand event {} to notifications: {}", reason, e.getMessage());
    }
  }

  private static String suffix() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
