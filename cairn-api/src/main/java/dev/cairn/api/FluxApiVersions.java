package dev.cairn.api;

import java.util.Map;
import java.util.Optional;

/**
 * The Flux apiVersions whose manifests Cairn reads unchanged: the render module's dialect
 * translation replaces each with {@link CairnApi#API_VERSION} and keeps the kind and fields.
 */
public final class FluxApiVersions {

  /** Flux apiVersion to Cairn apiVersion. Kinds keep their names. */
  public static final Map<String, String> TO_CAIRN =
      Map.of(
          "source.toolkit.fluxcd.io/v1", CairnApi.API_VERSION,
          "source.toolkit.fluxcd.io/v1beta2", CairnApi.API_VERSION,
          "kustomize.toolkit.fluxcd.io/v1", CairnApi.API_VERSION,
          "helm.toolkit.fluxcd.io/v2", CairnApi.API_VERSION,
          "helm.toolkit.fluxcd.io/v2beta2", CairnApi.API_VERSION,
          "image.toolkit.fluxcd.io/v1", CairnApi.API_VERSION,
          "image.toolkit.fluxcd.io/v1beta2", CairnApi.API_VERSION);

  private FluxApiVersions() {}

  /** The Cairn apiVersion for a Flux one, or empty when {@code apiVersion} is not a Flux one. */
  public static Optional<String> toCairn(String apiVersion) {
    return Optional.ofNullable(apiVersion).map(TO_CAIRN::get);
  }

  public static boolean isFlux(String apiVersion) {
    return apiVersion != null && TO_CAIRN.containsKey(apiVersion);
  }
}
