package dev.cairn.source;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * Picks the highest tag or chart version that satisfies a semver range. Tags may carry a leading
 * {@code v}; tags that are not semver are skipped. Ranges use Helm/Flux syntax ({@code >=1.0.0
 * <2.0.0}, {@code ^1.2}, {@code ~1.2.3}, {@code 1.x}, {@code ||}); commas mean "and", as in
 * Masterminds semver.
 */
public final class SemverSelector {
  private SemverSelector() {}

  public static Optional<String> highest(Collection<String> tags, String range)
      throws SourceException {
    RangesList constraint = parseRange(range);
    return tags.stream()
        .map(tag -> new Candidate(tag, parseVersion(tag)))
        .filter(c -> c.version() != null && constraint.isSatisfiedBy(c.version()))
        .max(Comparator.comparing(Candidate::version))
        .map(Candidate::tag);
  }

  /** Parses a Helm/Flux semver range, throwing INVALID_SPEC when it makes no sense. */
  public static RangesList parseRange(String range) throws SourceException {
    String normalised = range == null ? "" : range.strip().replaceAll("\\s*,\\s*", " ");
    if (normalised.isEmpty()) {
      throw new SourceException(SourceReason.INVALID_SPEC, "semver range is empty");
    }
    try {
      RangesList list = RangesListFactory.create(normalised);
      if (list.get().isEmpty()) {
        throw new IllegalArgumentException("no range");
      }
      return list;
    } catch (RuntimeException e) {
      throw new SourceException(
          SourceReason.INVALID_SPEC, "semver range '" + range + "' does not parse");
    }
  }

  /** The version of a tag or chart version string, or null when it is not semver. */
  public static Semver parseVersion(String tag) {
    String bare = tag.startsWith("v") || tag.startsWith("V") ? tag.substring(1) : tag;
    return Semver.parse(bare);
  }

  private record Candidate(String tag, Semver version) {}
}
