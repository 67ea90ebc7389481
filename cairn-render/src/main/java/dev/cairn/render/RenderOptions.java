package dev.cairn.render;

import dev.cairn.render.dialect.DialectTranslator;

/**
 * Options of a {@link KustomizationRenderer}.
 *
 * @param strictSubstitution fail when a {@code ${var}} without a default names an unset variable
 *     (Flux's {@code StrictPostBuildSubstitutions} feature gate); when false it becomes empty text
 * @param dialects how foreign manifests are translated into Cairn kinds
 * @param maxFileBytes the largest file the Kustomize engine reads
 */
public record RenderOptions(
    boolean strictSubstitution, DialectTranslator dialects, long maxFileBytes) {

  public RenderOptions {
    if (dialects == null) {
      throw new IllegalArgumentException("dialects is required (use DialectTranslator.none())");
    }
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive");
    }
  }

  /** Strict substitution, Flux dialect translation, 16 MiB per file. */
  public static RenderOptions defaults() {
    return new RenderOptions(true, DialectTranslator.defaults(), 16L * 1024 * 1024);
  }

  public RenderOptions withStrictSubstitution(boolean value) {
    return new RenderOptions(value, dialects, maxFileBytes);
  }

  public RenderOptions withDialects(DialectTranslator value) {
    return new RenderOptions(strictSubstitution, value, maxFileBytes);
  }

  public RenderOptions withMaxFileBytes(long value) {
    return new RenderOptions(strictSubstitution, dialects, value);
  }
}
