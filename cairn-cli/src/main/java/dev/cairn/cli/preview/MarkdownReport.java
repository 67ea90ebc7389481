package dev.cairn.cli.preview;

import dev.cairn.engine.preview.ObjectChange;
import dev.cairn.engine.preview.ObjectChange.Action;
import dev.cairn.engine.preview.OwnerPreview;
import dev.cairn.engine.preview.PreviewReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The report as a pull-request comment: a heading, a table of what is added, changed and removed
 * per top-level object (errors and skipped objects in the last column), then each changed object's
 * diff in a collapsible {@code <details>} block. Diffs stop once the comment would pass {@value
 * #MAX_DIFF_CHARS} characters (GitHub refuses comments over 65,536), saying how many were left out.
 */
public final class MarkdownReport {
  static final int MAX_DIFF_CHARS = 60_000;

  private MarkdownReport() {}

  public static void print(PreviewReport report, PrintWriter out) {
    out.println(
        "### Cairn preview: `"
            + cell(report.from())
            + "` ("
            + ReportText.shortCommit(report.fromCommit())
            + ") → `"
            + cell(report.to())
            + "` ("
            + ReportText.shortCommit(report.toCommit())
            + ")");
    out.println();
    List<OwnerPreview> shown = report.owners().stream().filter(ReportText::worthShowing).toList();
    if (shown.isEmpty()) {
      out.println("No changes in " + report.owners().size() + " top-level objects.");
      out.flush();
      return;
    }
    out.println("| Top-level object | Added | Changed | Removed | Notes |");
    out.println("|---|---:|---:|---:|---|");
    for (OwnerPreview owner : shown) {
      out.println(row(owner, report));
    }
    out.println();
    out.println(ReportText.summary(report) + ".");
    diffs(shown, out);
    out.flush();
  }

  private static String row(OwnerPreview owner, PreviewReport report) {
    boolean counted = owner.toError() == null && owner.previewed();
    String notes =
        String.join("<br>", ReportText.remarks(owner, report).stream().map(r -> cell(r)).toList());
    return "| "
        + owner.owner().kind()
        + " `"
        + cell(name(owner))
        + "` | "
        + (counted ? owner.count(Action.ADDED) : "–")
        + " | "
        + (counted ? owner.count(Action.CHANGED) : "–")
        + " | "
        + (counted ? owner.count(Action.REMOVED) : "–")
        + " | "
        + (owner.toError() != null ? "❌ " : "")
        + notes
        + " |";
  }

  private static void diffs(List<OwnerPreview> shown, PrintWriter out) {
    int written = 0;
    int left = 0;
    for (OwnerPreview owner : shown) {
      for (ObjectChange change : owner.changes()) {
        if (written + change.diff().length() > MAX_DIFF_CHARS) {
          left++;
          continue;
        }
        written += change.diff().length();
        String fence = change.diff().contains("```") ? "~~~~" : "```";
        out.println();
        out.println(
            "<details><summary>"
                + owner.owner().kind()
                + " <code>"
                + html(name(owner))
                + "</code>: "
                + html(change.label())
                + " "
                + change.action().name().toLowerCase(Locale.ROOT)
                + "</summary>");
        out.println();
        out.println(fence + "diff");
        out.print(change.diff());
        out.println(fence);
        out.println();
        out.println("</details>");
      }
    }
    if (left > 0) {
      out.println();
      out.println(
          "_"
              + left
              + " more diff"
              + (left == 1 ? "" : "s")
              + " left out to keep this comment short; run `cairn preview` to see all._");
    }
  }

  private static String name(OwnerPreview owner) {
    return owner.owner().namespace().isEmpty()
        ? owner.owner().name()
        : owner.owner().namespace() + "/" + owner.owner().name();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
