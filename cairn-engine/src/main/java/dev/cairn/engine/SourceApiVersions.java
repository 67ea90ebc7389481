package dev.cairn.engine;

/**
 * The {@code apiVersion}s a source reference may name: Cairn's own group and Flux's, so Flux
 * manifests carry over; any other is refused rather than silently read as Cairn's.
 */
public final class SourceApiVersions {
  private SourceApiVersions() {}

  /** A refusal of {@code path} (a reference's {@code apiVersion}) naming another group. */
  public static FieldRefusal refusal(String path) {
    return FieldRefusal.unless(
        path,
        "names an API group Cairn does not serve",
        "cairn.dev/v1",
        "source.toolkit.fluxcd.io/v1",
        "source.toolkit.fluxcd.io/v1beta2");
  }
}
