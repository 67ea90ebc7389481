package dev.cairn.cli.preview;

import dev.cairn.engine.preview.ObjectChange.Action;
import dev.cairn.engine.preview.OwnerPreview;
import dev.cairn.engine.preview.PreviewReport;
import java.util.ArrayList;
import java.util.List;

/** The sentences the text and Markdown reports share. */
final class ReportText {
  private ReportText() {}

  /** Changes, errors, unknown variables or a skipped object: something a reviewer should see. */
  static boolean worthShowing(OwnerPreview owner) {
    return !owner.changes().isEmpty()
        || owner.fromError() != null
        || owner.toError() != null
        || !owner.previewed()
        || !owner.unknownVariables().isEmpty();
  }

  static String counts(OwnerPreview owner) {
    if (owner.toError() != null) {
      return "error";
    }
    if (!owner.previewed()) {
      return "not previewed";
    }
    return owner.count(Action.ADDED)
        + " added, "
        + owner.count(Action.CHANGED)
        + " changed, "
        + owner.count(Action.REMOVED)
        + " removed, "
        + owner.unchanged()
        + " unchanged";
  }

  /** Errors first, then unknown variables, then notes. */
  static List<String> remarks(OwnerPreview owner, PreviewReport report) {
    List<String> lines = new ArrayList<>();
    if (owner.toError() != null) {
      lines.add("error at " + report.to() + ": " + owner.toError());
    }
    if (owner.fromError() != null) {
      lines.add("error at " + report.from() + ": " + owner.fromError());
    }
    if (!owner.unknownVariables().isEmpty()) {
      lines.add(
          "unknown variables (kept as ${name}; pass --vars FILE): "
              + String.join(", ", owner.unknownVariables().stream().sorted().toList()));
    }
    lines.addAll(owner.notes());
    return lines;
  }

  static String summary(PreviewReport report) {
    long owners = report.owners().stream().filter(o -> !o.changes().isEmpty()).count();
    long objects = report.owners().stream().mapToLong(o -> o.changes().size()).sum();
    long errors = report.owners().stream().filter(o -> o.toError() != null).count();
    String text =
        objects == 0
            ? "No changes"
            : objects
                + " object"
                + (objects == 1 ? "" : "s")
                + " would change under "
                + owners
                + " of "
                + report.owners().size()
                + " top-level objects";
    return errors == 0 ? text : text + "; " + errors + " could not be rendered";
  }

  static String shortCommit(String commit) {
    return commit == null ? "?" : commit.substring(0, Math.min(12, commit.length()));
  }
}
