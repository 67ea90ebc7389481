package dev.cairn.source.artifact;

/**
 * Bounds for unpacking an archive.
 *
 * @param maxTotalBytes the most uncompressed file bytes an archive may hold
 * @param maxEntries the most entries (files, directories, links) an archive may hold
 */
public record ExtractLimits(long maxTotalBytes, int maxEntries) {
  public ExtractLimits {
    if (maxTotalBytes <= 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** 512 MiB and 100,000 entries. */
  public static ExtractLimits defaults() {
    return new ExtractLimits(512L * 1024 * 1024, 100_000);
  }

  public ExtractLimits withMaxTotalBytes(long value) {
    return new ExtractLimits(value, maxEntries);
  }

  public ExtractLimits withMaxEntries(int value) {
    return new ExtractLimits(maxTotalBytes, value);
  }
}
