package dev.cairn.cli.preview;

import dev.cairn.engine.preview.ObjectChange;
import dev.cairn.engine.preview.OwnerPreview;
import dev.cairn.engine.preview.PreviewReport;
import java.io.PrintWriter;

/**
 * The report as text for a terminal: per top-level object with something to say, a line with its
 * counts, its notes and errors, then the unified diffs; a summary line at the end.
 */
public final class TextReport {
  private TextReport() {}

  public static void print(PreviewReport report, PrintWriter out) {
    out.println(
        "Preview of "
            + report.root()
            + ": "
            + report.from()
            + " ("
            + ReportText.shortCommit(report.fromCommit())
            + ") -> "
            + report.to()
            + " ("
            + ReportText.shortCommit(report.toCommit())
            + ")");
    for (OwnerPreview owner : report.owners()) {
      if (!ReportText.worthShowing(owner)) {
        continue;
      }
      out.println();
      out.println(owner.owner() + ": " + ReportText.counts(owner));
      for (String line : ReportText.remarks(owner, report)) {
        out.println("  " + line);
      }
      for (ObjectChange change : owner.changes()) {
        out.print(change.diff());
      }
    }
    out.println();
    out.println(ReportText.summary(report));
    out.flush();
  }
}
