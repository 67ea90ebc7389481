package dev.cairn.server.dashboard.html;

import dev.cairn.server.dashboard.fleet.FleetObject;
import dev.cairn.server.dashboard.fleet.GitDiff;
import java.util.List;

/** The diff section of an object page, loaded after the page. */
public final class DiffView {
  private DiffView() {}

  public static Markup render(GitDiff diffs, FleetObject object) {
    Markup html = new Markup();
    List<GitDiff.ObjectDiff> result;
    try {
      result = diffs.diff(object);
    } catch (RuntimeException e) {
      return html.element("p", "Cannot compute the diff: " + e.getMessage(), "class", "error");
    }
    List<GitDiff.ObjectDiff> changed = result.stream().filter(d -> !d.diff().isEmpty()).toList();
    html.element(
        "p",
        changed.isEmpty()
            ? "The cluster matches Git (" + result.size() + " objects)."
            : changed.size() + " of " + result.size() + " objects differ from Git.",
        "id",
        "diff-summary");
    for (GitDiff.ObjectDiff diff : changed) {
      html.element("h3", diff.object());
      html.element("pre", diff.diff(), "class", "diff");
    }
    return html;
  }
}
