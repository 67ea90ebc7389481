package dev.cairn.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One event about an object, as Flux's controllers send it to notification-controller: severity
 * ({@value #INFO} or {@value #ERROR}), reason, message and metadata (the source revision under
 * {@value #REVISION}).
 */
public record NotifyEvent(
    InvolvedObject object,
    String severity,
    String reason,
    String message,
    Map<String, String> metadata,
    Instant timestamp,
    String reportingController) {
  public static final String INFO = "info";
  public static final String ERROR = "error";
  public static final String REVISION = "revision";
  public static final String SUMMARY = "summary";

  /** Flux's reason of events sent while a reconciliation is under way. */
  public static final String PROGRESSING = "Progressing";

  public NotifyEvent {
    metadata = metadata == null ? Map.of() : Map.copyOf(new TreeMap<>(metadata));
  }

  public Optional<String> revision() {
    return Optional.ofNullable(metadata.get(REVISION));
  }

  public boolean isError() {
    return ERROR.equals(severity);
  }

  /** This event with more metadata; keys the event already has keep its values. */
  public NotifyEvent withExtraMetadata(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(extra);
    merged.putAll(metadata);
    return new NotifyEvent(
        object, severity, reason, message, merged, timestamp, reportingController);
  }

  /** This event with one metadata entry set (replacing any). */
  public NotifyEvent withMetadata(String key, String value) {
    Map<String, String> merged = new LinkedHashMap<>(metadata);
    merged.put(key, value);
    return new NotifyEvent(
        object, severity, reason, message, merged, timestamp, reportingController);
  }
}
