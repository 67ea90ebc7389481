package dev.cairn.image.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ordering of ImagePolicy: semver (highest version in range), alphabetical or numerical ({@code
 * asc} picks the highest, {@code desc} the lowest), applied to the values a {@link TagFilter}
 * leaves.
 */
public sealed interface TagPolicy {
  /**
   * The tag whose value ranks first, empty when none qualifies.
   *
   * @throws IllegalArgumentException when a value cannot be ordered (a numerical policy's value
   *     that is not a number), naming it
   */
  Optional<String> select(Map<String, String> valuesByTag);

  /** Parses the order ({@code asc} by default). */
  static boolean ascending(String order) {
    if (order == null || order.isEmpty() || order.equals("asc")) {
      return true;
    }
    if (order.equals("desc")) {
      return false;
    }
    throw new IllegalArgumentException("order '" + order + "' must be 'asc' or 'desc'");
  }

  /** The highest version within the range (tags that are not versions are skipped). */
  record Semver(SemverConstraint range) implements TagPolicy {
    @Override
    public Optional<String> select(Map<String, String> valuesByTag) {
      String best = null;
      LenientVersion bestVersion = null;
      for (Map.Entry<String, String> e : valuesByTag.entrySet()) {
        Optional<LenientVersion> v = LenientVersion.parse(e.getValue());
        if (v.isPresent()
            && range.isSatisfiedBy(v.get())
            && (bestVersion == null || v.get().compareTo(bestVersion) > 0)) {
          best = e.getKey();
          bestVersion = v.get();
        }
      }
      return Optional.ofNullable(best);
    }
  }

  /** Alphabetical order of the values (Go's byte-wise string order). */
  record Alphabetical(boolean ascending) implements TagPolicy {
    @Override
    public Optional<String> select(Map<String, String> valuesByTag) {
      List<Map.Entry<String, String>> entries = new ArrayList<>(valuesByTag.entrySet());
      Comparator<Map.Entry<String, String>> byValue =
          Comparator.comparing(Map.Entry::getValue, TagPolicy::compareBytes);
      return (ascending ? entries.stream().max(byValue) : entries.stream().min(byValue))
          .map(Map.Entry::getKey);
    }
  }

  /** Numerical order of the values read as decimal numbers (Go's {@code ParseFloat}). */
  record Numerical(boolean ascending) implements TagPolicy {
    @Override
    public Optional<String> select(Map<String, String> valuesByTag) {
      String best = null;
      double bestValue = 0;
      for (Map.Entry<String, String> e : valuesByTag.entrySet()) {
        double value = number(e.getValue(), e.getKey());
        if (best == null || (ascending ? value > bestValue : value < bestValue)) {
          best = e.getKey();
          bestValue = value;
        }
      }
      return Optional.ofNullable(best);
    }

    private static double number(String value, String tag) {
      try {
        if (!value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
          throw new NumberFormatException();
        }
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "tag '" + tag + "': '" + value + "' is not a number for a numerical policy");
      }
    }
  }

  private static int compareBytes(String a, String b) {
    return java.util.Arrays.compare(
        a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
