package dev.cairn.source.artifact;

import java.time.Clock;
import java.util.Objects;

/**
 * Settings of an {@link ArtifactStore}.
 *
 * @param retain how many most recent artifacts to keep per source (the current one included)
 * @param extractLimits limits applied when unpacking artifacts
 * @param clock source of {@link StoredArtifact#lastUpdateTime()}
 */
public record ArtifactStoreOptions(int retain, ExtractLimits extractLimits, Clock clock) {
  public ArtifactStoreOptions {
    if (retain < 1) {
      throw new IllegalArgumentException("retain must be at least 1, was " + retain);
    }
    Objects.requireNonNull(extractLimits, "extractLimits");
    Objects.requireNonNull(clock, "clock");
  }

  /** Keep 2 artifacts per source, default extract limits, the system clock. */
  public static ArtifactStoreOptions defaults() {
    return new ArtifactStoreOptions(2, ExtractLimits.defaults(), Clock.systemUTC());
  }

  public ArtifactStoreOptions withRetain(int value) {
    return new ArtifactStoreOptions(value, extractLimits, clock);
  }

  public ArtifactStoreOptions withExtractLimits(ExtractLimits value) {
    return new ArtifactStoreOptions(retain, value, clock);
  }

  public ArtifactStoreOptions withClock(Clock value) {
    return new ArtifactStoreOptions(retain, extractLimits, value);
  }
}
