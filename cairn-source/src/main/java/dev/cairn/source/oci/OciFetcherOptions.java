package dev.cairn.source.oci;

import dev.cairn.source.artifact.ExtractLimits;

/**
 * Bounds for pulling OCI artifacts.
 *
 * @param maxLayerBytes the largest layer downloaded (compressed)
 * @param extractLimits bounds for unpacking the layer
 */
public record OciFetcherOptions(long maxLayerBytes, ExtractLimits extractLimits) {
  public OciFetcherOptions {
    if (maxLayerBytes <= 0 || extractLimits == null) {
      throw new IllegalArgumentException("maxLayerBytes must be positive and limits set");
    }
  }

  /** 256 MiB layers, {@link ExtractLimits#defaults()}. */
  public static OciFetcherOptions defaults() {
    return new OciFetcherOptions(256L * 1024 * 1024, ExtractLimits.defaults());
  }

  public OciFetcherOptions withMaxLayerBytes(long value) {
    return new OciFetcherOptions(value, extractLimits);
  }
}
