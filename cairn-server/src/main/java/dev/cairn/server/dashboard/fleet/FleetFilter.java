package dev.cairn.server.dashboard.fleet;

import java.util.Locale;
import java.util.Map;

/**
 * The object list's filters; an empty value matches everything.
 *
 * @param ready {@code True}, {@code False}, {@code Unknown} or empty
 * @param suspended {@code true}, {@code false} or empty
 * @param text matched, case-insensitively, against name, namespace, kind, revision and message
 */
public record FleetFilter(
    String kind, String namespace, String ready, String suspended, String text) {

  public FleetFilter {
    kind = blankToEmpty(kind);
    namespace = blankToEmpty(namespace);
    ready = blankToEmpty(ready);
    suspended = blankToEmpty(suspended);
    text = blankToEmpty(text);
  }

  /** Reads the filters from query parameters of the same names. */
  public static FleetFilter of(Map<String, String> query) {
    return new FleetFilter(
        query.get("kind"),
        query.get("namespace"),
        query.get("ready"),
        query.get("suspended"),
        query.get("q"));
  }

  public boolean matches(FleetObject object) {
    FleetRef ref = object.ref();
    if (!kind.isEmpty() && !kind.equals(ref.kind())) {
      return false;
    }
    if (!namespace.isEmpty() && !namespace.equals(ref.namespace())) {
      return false;
    }
    if (!ready.isEmpty() && !ready.equals(object.ready())) {
      return false;
    }
    if (!suspended.isEmpty() && Boolean.parseBoolean(suspended) != object.suspended()) {
      return false;
    }
    if (text.isEmpty()) {
      return true;
    }
    String wanted = text.toLowerCase(Locale.ROOT);
    String haystack =
        String.join(
                "\n", ref.kind(), ref.namespace(), ref.name(), object.revision(), object.message())
            .toLowerCase(Locale.ROOT);
    return haystack.contains(wanted);
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.strip();
  }
}
