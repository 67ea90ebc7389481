package dev.cairn.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.api.CairnApi;
import dev.cairn.api.argo.AppProject;
import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.image.ImagePolicy;
import dev.cairn.api.image.ImageRepository;
import dev.cairn.api.image.ImageUpdateAutomation;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.notification.Alert;
import dev.cairn.api.notification.Provider;
import dev.cairn.api.notification.Receiver;
import dev.cairn.api.sealed.SealedSecret;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.OCIRepository;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The CRDs of the Cairn kinds, as generated at build time into the jar ({@code
 * META-INF/fabric8/<plural>.<group>-v1.yml}) and checked in under {@code deploy/crds}: the {@code
 * cairn.dev/v1} kinds and Bitnami's {@code bitnami.com/v1alpha1} SealedSecret.
 */
public final class CairnCrds {

  /** The kinds that have a CRD, in the order they are installed. */
  public static final List<Class<? extends HasMetadata>> KINDS =
      List.of(
          GitRepository.class,
          OCIRepository.class,
          HelmRepository.class,
          HelmChart.class,
          Kustomization.class,
          HelmRelease.class,
          SealedSecret.class,
          AppProject.class,
          Application.class,
          ApplicationSet.class,
          ImageRepository.class,
          ImagePolicy.class,
          ImageUpdateAutomation.class,
          Provider.class,
          Alert.class,
          Receiver.class);

  /** The generator names files after the CRD's own API version, apiextensions.k8s.io/v1. */
  private static final String CRD_API_VERSION = "v1";

  private static final String RESOURCE_DIR = "META-INF/fabric8/";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private CairnCrds() {}

  /** File name of the CRD of {@code kind}, e.g. {@code kustomizations.cairn.dev-v1.yml}. */
  public static String fileName(Class<? extends HasMetadata> kind) {
    return HasMetadata.getPlural(kind)
        + "."
        + HasMetadata.getGroup(kind)
        + "-"
        + CRD_API_VERSION
        + ".yml";
  }

  /** All CRD file names, in {@link #KINDS} order. */
  public static List<String> fileNames() {
    return KINDS.stream().map(CairnCrds::fileName).toList();
  }

  /** The class of a Cairn kind by its kind name, e.g. {@code Kustomization}. */
  public static Optional<Class<? extends HasMetadata>> kind(String kind) {
    return KINDS.stream().filter(k -> HasMetadata.getKind(k).equals(kind)).findFirst();
  }

  /** The CRD of a kind by its kind name ({@code Kustomization}), read from the classpath. */
  public static Optional<JsonNode> crd(String kind) {
    return kind(kind).map(CairnCrds::crd);
  }

  /** The CRD of {@code kind}, read from the classpath. */
  public static JsonNode crd(Class<? extends HasMetadata> kind) {
    String resource = RESOURCE_DIR + fileName(kind);
    try (InputStream in = CairnCrds.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "CRD resource " + resource + " is missing from the classpath; build cairn-api first");
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CRD resource " + resource, e);
    }
  }

  /** The {@code openAPIV3Schema} of the {@code v1} version of a CRD. */
  public static JsonNode openApiSchema(JsonNode crd) {
    return openApiSchema(crd, CairnApi.VERSION);
  }

  /**
   * The {@code openAPIV3Schema} of one version of any CRD (as JSON; convert a fabric8 {@code
   * CustomResourceDefinition} with {@code KubernetesSerialization.convertValue(crd,
   * JsonNode.class)}).
   *
   * @throws IllegalArgumentException when the CRD has no such version
   */
  public static JsonNode openApiSchema(JsonNode crd, String version) {
    for (JsonNode candidate : crd.path("spec").path("versions")) {
      if (version.equals(candidate.path("name").asText())) {
        return candidate.path("schema").path("openAPIV3Schema");
      }
    }
    throw new IllegalArgumentException(
        "CRD " + crd.path("metadata").path("name").asText() + " has no version " + version);
  }
}
