package dev.cairn.cli.up;

import dev.cairn.cli.cluster.ObjectStatus;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terminal view of {@code cairn up}: one line per Cairn object (kind/namespace/name, revision,
 * Ready, message) under a progress line. On a terminal it redraws in place; otherwise it appends a
 * timestamped line whenever an object's state changes, so logs and CI output stay readable.
 */
public final class LiveView {
  private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

  private final PrintWriter out;
  private final boolean terminal;
  private final int width;
  private final Map<String, String> printed = new HashMap<>();
  private int frame;
  private int drawnLines;

  public LiveView(PrintWriter out, boolean terminal, int width) {
    this.out = out;
    this.terminal = terminal;
    this.width = width;
  }

  public void render(List<ObjectStatus> objects, String footer) {
    if (terminal) {
      redraw(objects, footer);
    } else {
      appendChanges(objects);
    }
    out.flush();
  }

  private void redraw(List<ObjectStatus> objects, String footer) {
    if (drawnLines > 0) {
      out.print("\033[" + drawnLines + "A\033[J");
    }
    long ready = objects.stream().filter(o -> o.readyTrue() && o.observed()).count();
    String spinner =
        ready == objects.size() && !objects.isEmpty() ? "✔" : SPINNER[frame++ % SPINNER.length];
    out.println(fit(spinner + " " + ready + " of " + objects.size() + " Cairn objects Ready"));
    for (ObjectStatus object : objects) {
      out.println(fit("  " + line(object)));
    }
    out.println(fit(footer));
    drawnLines = objects.size() + 2;
  }

  private void appendChanges(List<ObjectStatus> objects) {
    for (ObjectStatus object : objects) {
      String line = line(object);
      String key = object.ref().toString();
      if (!line.equals(printed.get(key))) {
        printed.put(key, line);
        out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
      }
    }
  }

  /** {@code ✔ Kustomization/cairn-system/apps main@sha1:… Ready Applied revision: …}. */
  public static String line(ObjectStatus object) {
    String mark =
        object.readyTrue() && object.observed() ? "✔" : "False".equals(object.ready()) ? "✗" : "…";
    String ready =
        object.suspended()
            ? "Suspended"
            : object.readyTrue()
                ? "Ready"
                : "False".equals(object.ready()) ? "Not ready" : "Pending";
    String revision =
        object.revision().isEmpty()
            ? "-"
            : object.revision().replaceFirst("(@sha1:[0-9a-f]{12})[0-9a-f]+$", "$1");
    return mark
        + " "
        + object.kind()
        + "/"
        + object.namespace()
        + "/"
        + object.name()
        + "  "
        + revision
        + "  "
        + ready
        + (object.message().isEmpty() ? "" : "  " + object.message().replace('\n', ' '));
  }

  private String fit(String line) {
    return line.length() <= width ? line : line.substring(0, Math.max(0, width - 1)) + "…";
  }
}
