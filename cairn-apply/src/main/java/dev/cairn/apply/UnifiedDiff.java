package dev.cairn.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in unified format ({@code ---}/{@code +++} headers, {@code @@} hunks with three lines
 * of context), from a longest-common-subsequence table. Meant for single objects (hundreds of
 * lines), not for whole files.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** Empty text when the two are equal. */
  static String diff(String fromName, String from, String toName, String to) {
    List<String> a = from.isEmpty() ? List.of() : List.of(from.split("\n", -1));
    List<String> b = to.isEmpty() ? List.of() : List.of(to.split("\n", -1));
    a = dropTrailingEmpty(a);
    b = dropTrailingEmpty(b);
    List<char[]> ops = script(a, b);
    if (ops.stream().allMatch(op -> op[0] == ' ')) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(fromName).append('\n');
    out.append("+++ ").append(toName).append('\n');
    // ops[i] = {kind, ...}; walk with indexes into a and b
    int n = ops.size();
    int[] aLine = new int[n + 1];
    int[] bLine = new int[n + 1];
    for (int i = 0; i < n; i++) {
      char kind = ops.get(i)[0];
      aLine[i + 1] = aLine[i] + (kind == '+' ? 0 : 1);
      bLine[i + 1] = bLine[i] + (kind == '-' ? 0 : 1);
    }
    int i = 0;
    while (i < n) {
      if (ops.get(i)[0] == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < n) {
        if (ops.get(end)[0] != ' ') {
          lastChange = end;
        } else if (end - lastChange > 2 * CONTEXT) {
          break;
        }
        end++;
      }
      end = Math.min(n, lastChange + CONTEXT + 1);
      int aCount = aLine[end] - aLine[start];
      int bCount = bLine[end] - bLine[start];
      out.append("@@ -")
          .append(range(aLine[start], aCount))
          .append(" +")
          .append(range(bLine[start], bCount))
          .append(" @@\n");
      for (int k = start; k < end; k++) {
        char kind = ops.get(k)[0];
        String line = kind == '+' ? b.get(bLine[k]) : a.get(aLine[k]);
        out.append(kind).append(line).append('\n');
      }
      i = end;
    }
    return out.toString();
  }

  private static String range(int start, int count) {
    int first = count == 0 ? start : start + 1;
    return count == 1 ? String.valueOf(first) : first + "," + count;
  }

  private static List<String> dropTrailingEmpty(List<String> lines) {
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      return lines.subList(0, lines.size() - 1);
    }
    return lines;
  }

  /** The edit script: one entry per output line, ' ' kept, '-' removed from a, '+' added from b. */
  private static List<char[]> script(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<char[]> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new char[] {'-'});
        i++;
      } else {
        ops.add(new char[] {'+'});
        j++;
      }
    }
    return ops;
  }
}
