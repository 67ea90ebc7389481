package dev.cairn.source.artifact;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of an {@link ArtifactStore}.
 *
 * @param retain how many most recent artifacts to keep per source (the current one included)
 * @param extractLimits limits applied when unpacking artifacts
 * @param clock source of {@link StoredArtifact#lastUpdateTime()}
 * @param downloadTimeout when set, an artifact missing here is downloaded from the URL its source's
 *     status names (another replica serves it), with this timeout; null: never
 */
public record ArtifactStoreOptions(
    int retain, ExtractLimits extractLimits, Clock clock, Duration downloadTimeout) {
  public ArtifactStoreOptions {
    if (retain < 1) {
      throw new IllegalArgumentException("retain must be at least 1, was " + retain);
    }
    Objects.requireNonNull(extractLimits, "extractLimits");
    Objects.requireNonNull(clock, "clock");
    if (downloadTimeout != null && (downloadTimeout.isNegative() || downloadTimeout.isZero())) {
      throw new IllegalArgumentException(
          "downloadTimeout must be positive, was " + downloadTimeout);
    }
  }

  public ArtifactStoreOptions(int retain, ExtractLimits extractLimits, Clock clock) {
    this(retain, extractLimits, clock, null);
  }

  /** Keep 2 artifacts per source, default extract limits, the system clock, no downloads. */
  public static ArtifactStoreOptions defaults() {
    return new ArtifactStoreOptions(2, ExtractLimits.defaults(), Clock.systemUTC(), null);
  }

  public ArtifactStoreOptions withRetain(int value) {
    return new ArtifactStoreOptions(value, extractLimits, clock, downloadTimeout);
  }

  public ArtifactStoreOptions withExtractLimits(ExtractLimits value) {
    return new ArtifactStoreOptions(retain, value, clock, downloadTimeout);
  }

  public ArtifactStoreOptions withClock(Clock value) {
    return new ArtifactStoreOptions(retain, extractLimits, value, downloadTimeout);
  }

  /** Download missing artifacts by URL with {@code timeout}; null turns downloads off. */
  public ArtifactStoreOptions withDownloadTimeout(Duration timeout) {
    return new ArtifactStoreOptions(retain, extractLimits, clock, timeout);
  }

  public Optional<Duration> downloads() {
    return Optional.ofNullable(downloadTimeout);
  }
}
