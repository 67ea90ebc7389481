package dev.cairn.server.dashboard.web;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small fleet written straight to the cluster, statuses included, as the controller would have
 * left them: a GitRepository, a root Kustomization whose inventory holds two Kustomizations and a
 * Deployment, {@code apps} depending on {@code infra}, and one Kustomization whose message carries
 * markup. Status changes are made by the test, standing in for the controller.
 */
final class FleetFixture {
  static final String REVISION = "main@sha1:1111111111111111111111111111111111111111";
  static final String SCRIPT_MESSAGE =
      "kustomize build failed: <script>window.pwned=1</script><img src=x onerror=alert(1)>";

  private final KubernetesClient client;
  final String namespace;

  FleetFixture(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  static ResourceDefinitionContext context(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("cairn.dev")
        .withVersion("v1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  static final ResourceDefinitionContext GIT = context("GitRepository", "gitrepositories");
  static final ResourceDefinitionContext KS = context("Kustomization", "kustomizations");

  void create() {
    create(GIT, "fleet", "url: https://git.example/fleet\n  interval: 1m\n");
    setStatus(
        GIT,
        "fleet",
        ready("True", "Succeeded", "stored artifact for " + REVISION),
        Map.of("artifact", artifact(REVISION)));
    for (String name : List.of("flux-system", "infra", "apps", "broken", "sleepy")) {
      String dependsOn = name.equals("apps") ? "  dependsOn:\n  - name: infra\n" : "";
      create(
          KS,
          name,
          "interval: 10m\n  prune: true\n  path: ./"
              + name
              + "\n  sourceRef:\n    kind: GitRepository\n    name: fleet\n"
              + dependsOn);
    }
    setStatus(
        KS,
        "flux-system",
        ready("True", "ReconciliationSucceeded", "Applied revision: " + REVISION),
        Map.of(
            "lastAppliedRevision",
            REVISION,
            "inventory",
            Map.of(
                "entries",
                List.of(
                    entry(namespace + "_infra_cairn.dev_Kustomization", "v1"),
                    entry(namespace + "_apps_cairn.dev_Kustomization", "v1")))));
    setStatus(
        KS,
        "infra",
        ready("True", "ReconciliationSucceeded", "Applied revision: " + REVISION),
        Map.of(
            "lastAppliedRevision",
            REVISION,
            "inventory",
            Map.of(
                "entries",
                List.of(
                    entry(namespace + "_web_apps_Deployment", "v1"),
                    entry(namespace + "_db-password__Secret", "v1")))));
    setStatus(
        KS,
        "apps",
        ready("True", "ReconciliationSucceeded", "Applied revision: " + REVISION),
        Map.of("lastAppliedRevision", REVISION));
    setStatus(
        KS,
        "broken",
        ready("False", "BuildFailed", SCRIPT_MESSAGE),
        Map.of("lastAttemptedRevision", REVISION));
    client
        .resource(
            Serialization.unmarshal(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: "
                    + namespace
                    + "\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n",
                io.fabric8.kubernetes.api.model.apps.Deployment.class))
        .create();
  }

  void create(ResourceDefinitionContext context, String name, String spec) {
    String yaml =
        "apiVersion: cairn.dev/v1\nkind: "
            + context.getKind()
            + "\nmetadata:\n  name: "
            + name
            + "\n  namespace: "
            + namespace
            + "\nspec:\n  "
            + spec;
    GenericKubernetesResource object =
        Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    client.genericKubernetesResources(context).inNamespace(namespace).resource(object).create();
  }

  /** Writes the status subresource, as the controller does. */
  void setStatus(
      ResourceDefinitionContext context,
      String name,
      Map<String, Object> ready,
      Map<String, Object> extra) {
    var resources = client.genericKubernetesResources(context).inNamespace(namespace);
    GenericKubernetesResource current = resources.withName(name).get();
    Map<String, Object> status = new LinkedHashMap<>(extra);
    status.put("observedGeneration", current.getMetadata().getGeneration());
    status.put("conditions", new ArrayList<>(List.of(ready)));
    current.setAdditionalProperty("status", status);
    resources.resource(current).updateStatus();
  }

  static Map<String, Object> ready(String status, String reason, String message) {
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("type", "Ready");
    condition.put("status", status);
    condition.put("reason", reason);
    condition.put("message", message);
    condition.put("lastTransitionTime", Instant.now().toString().substring(0, 19) + "Z");
    return condition;
  }

  static Map<String, Object> artifact(String revision) {
    return Map.of(
        "revision",
        revision,
        "digest",
        "sha256:" + "0".repeat(64),
        "path",
        "gitrepository/x/fleet/a.tar.gz",
        "url",
        "http://127.0.0.1/a.tar.gz",
        "lastUpdateTime",
        Instant.now().toString().substring(0, 19) + "Z");
  }

  private static Map<String, Object> entry(String id, String version) {
    return Map.of("id", id, "v", version);
  }
}
