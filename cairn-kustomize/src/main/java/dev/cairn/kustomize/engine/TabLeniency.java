package dev.cairn.kustomize.engine;

import dev.cairn.manifest.ManifestException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Kustomize's YAML parser accepts a TAB between a key's colon and its value ({@code name:\tweb});
 * the stricter YAML reader stops there. Given the reader's error, this rewrites exactly that tab
 * run to spaces so the text can be read again; any other error (a tab used as indentation, after a
 * list dash, inside a quoted value) is left to fail as it does in kustomize.
 */
final class TabLeniency {
  /** Bounds the re-reads of one file: each fixes one line. */
  static final int MAX_FIXES = 10_000;

  private TabLeniency() {}

  /** The text with the offending tab run turned to spaces, or null when the error is another. */
  static String fix(String text, ManifestException e) {
    if (!(e.getCause() instanceof MarkedYamlEngineException m)
        || m.getProblem() == null
        || !m.getProblem().contains("(TAB)")
        || m.getProblemMark().isEmpty()) {
      return null;
    }
    int codePoints = m.getProblemMark().get().getIndex();
    int at;
    try {
      at = text.offsetByCodePoints(0, codePoints);
    } catch (IndexOutOfBoundsException outside) {
      return null;
    }
    if (at >= text.length() || text.charAt(at) != '\t') {
      return null;
    }
    int before = at - 1;
    while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
      before--;
    }
    if (before < 0 || text.charAt(before) != ':') {
      return null;
    }
    StringBuilder out = new StringBuilder(text);
    for (int i = before + 1; i < out.length(); i++) {
      char c = out.charAt(i);
      if (c == '\t') {
        out.setCharAt(i, ' ');
      } else if (c != ' ') {
        break;
      }
    }
    return out.toString();
  }
}
