package dev.cairn.engine.kustomize;

import dev.cairn.api.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flux's {@code status.history}: one entry per distinct digest of the rendered set, newest first,
 * at most {@value #MAX_ENTRIES}; a run that renders a digest already listed updates that entry
 * (last time, duration, status, count) and moves it to the front. A run that repeats the newest
 * entry exactly (same digest, revision and outcome) leaves the history as it is: a steady state
 * then changes nothing in the status and costs no write. Unlike Flux, the count and last time
 * therefore say when the outcome last changed, not when the last run was.
 */
final class History {
  static final int MAX_ENTRIES = 5;

  private History() {}

  static List<HistoryEntry> record(
      List<HistoryEntry> history,
      String digest,
      String revision,
      String status,
      Duration took,
      Instant now) {
    if (repeatsNewest(history, digest, revision, status)) {
      return history;
    }
    String time = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    List<HistoryEntry> out = new ArrayList<>();
    HistoryEntry previous = null;
    for (HistoryEntry entry : history == null ? List.<HistoryEntry>of() : history) {
      if (entry.digest().equals(digest)) {
        previous = entry;
      } else {
        out.add(entry);
      }
    }
    HistoryEntry updated =
        new HistoryEntry(
            digest,
            previous == null ? time : previous.firstReconciled(),
            time,
            formatDuration(took),
            status,
            previous == null ? 1L : previous.totalReconciliations() + 1,
            Map.of("revision", revision));
    out.add(0, updated);
    return List.copyOf(out.subList(0, Math.min(MAX_ENTRIES, out.size())));
  }

  private static boolean repeatsNewest(
      List<HistoryEntry> history, String digest, String revision, String status) {
    if (history == null || history.isEmpty()) {
      return false;
    }
    HistoryEntry newest = history.get(0);
    return newest.digest().equals(digest)
        && status.equals(newest.lastReconciledStatus())
        && newest.metadata() != null
        && revision.equals(newest.metadata().get("revision"));
  }

  /** Go's style, e.g. {@code 1.234s} or {@code 250ms}. */
  static String formatDuration(Duration took) {
    long millis = took.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    return String.format(Locale.ROOT, "%.3fs", millis / 1000.0);
  }
}
