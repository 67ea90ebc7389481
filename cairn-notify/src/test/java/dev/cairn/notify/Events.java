package dev.cairn.notify;

import java.time.Instant;
import java.util.Map;

/** Events for the tests. */
final class Events {
  private Events() {}

  static NotifyEvent of(String kind, String name, String severity, String reason, String message) {
    return of(kind, name, Map.of(), severity, reason, message, null);
  }

  static NotifyEvent of(
      String kind,
      String name,
      Map<String, String> labels,
      String severity,
      String reason,
      String message,
      String revision) {
    return new NotifyEvent(
        new InvolvedObject("cairn.dev/v1", kind, "apps", name, "uid-1", "7", labels),
        severity,
        reason,
        message,
        revision == null ? Map.of() : Map.of(NotifyEvent.REVISION, revision),
        Instant.parse("2026-01-02T03:04:05Z"),
        "cairn-controller");
  }
}
