package dev.cairn.cli.install;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Applies the install objects server-side (field manager {@value #FIELD_MANAGER}, conflicts forced,
 * so a re-run upgrades in place), CRDs first and waited for until Established, then the rest; then
 * waits until the controller Deployment has all its replicas ready.
 */
public final class Installer {
  static final String FIELD_MANAGER = "cairn-install";

  private final KubernetesClient client;
  private final PrintWriter out;

  public Installer(KubernetesClient client, PrintWriter out) {
    this.client = client;
    this.out = out;
  }

  /** Applies every object of {@code settings}; waits up to {@code timeout} when it is positive. */
  public void install(InstallSettings settings, Duration timeout) {
    List<JsonNode> objects = InstallManifests.objects(settings);
    List<JsonNode> crds = objects.stream().filter(Installer::isCrd).toList();
    crds.forEach(this::apply);
    for (JsonNode crd : crds) {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crd.path("metadata").path("name").asText())
          .waitUntilCondition(Installer::established, 60, TimeUnit.SECONDS);
    }
    out.printf("✔ %d CRDs established%n", crds.size());
    objects.stream().filter(o -> !isCrd(o)).forEach(this::apply);
    out.printf("✔ controller applied in namespace %s%n", settings.namespace());
    if (timeout.isZero() || timeout.isNegative()) {
      return;
    }
    out.printf("◎ waiting for %d replica(s) of %s to be ready%n", settings.replicas(), name());
    client
        .apps()
        .deployments()
        .inNamespace(settings.namespace())
        .withName(InstallManifests.NAME)
        .waitUntilCondition(
            d -> available(d, settings.replicas()), timeout.toMillis(), TimeUnit.MILLISECONDS);
    out.printf("✔ %s is ready%n", name());
  }

  private void apply(JsonNode object) {
    GenericKubernetesResource resource =
        client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    client.resource(resource).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    out.printf("  %s/%s applied%n", resource.getKind(), resource.getMetadata().getName());
  }

  private static String name() {
    return "Deployment " + InstallManifests.NAME;
  }

  static boolean isCrd(JsonNode object) {
    return "CustomResourceDefinition".equals(object.path("kind").asText());
  }

  static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean available(Deployment deployment, int replicas) {
    return deployment != null
        && deployment.getStatus() != null
        && deployment.getStatus().getReadyReplicas() != null
        && deployment.getStatus().getReadyReplicas() >= replicas;
  }
}
