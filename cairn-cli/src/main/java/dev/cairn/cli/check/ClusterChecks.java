package dev.cairn.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.schema.CairnCrds;
import dev.cairn.cli.install.InstallManifests;
import dev.cairn.cli.install.InstallSettings;
import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks of {@code cairn check}, each returning lines to print. Prerequisites: the Kubernetes
 * version and whether the user may create and patch every kind of object {@code cairn install}
 * applies (asked with SelfSubjectAccessReviews, as {@code kubectl auth can-i} does). Installation:
 * each CRD of this build present, Established and serving the versions this build serves, and the
 * controller Deployment with all its replicas ready.
 */
public final class ClusterChecks {
  private static final List<String> INSTALL_VERBS = List.of("create", "patch");

  private final KubernetesClient client;

  public ClusterChecks(KubernetesClient client) {
    this.client = client;
  }

  public CheckResult kubernetesVersion() {
    VersionInfo info;
    try {
      info = client.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      return CheckResult.fail("cannot read the Kubernetes version: " + e.getMessage());
    }
    KubernetesVersion version;
    try {
      version = KubernetesVersion.parse(info.getMajor(), info.getMinor());
    } catch (IllegalArgumentException e) {
      return CheckResult.fail(e.getMessage());
    }
    String shown = info.getGitVersion() == null ? version.toString() : info.getGitVersion();
    return version.supported()
        ? CheckResult.pass("Kubernetes " + shown + " >= " + KubernetesVersion.MINIMUM_TEXT)
        : CheckResult.fail(
            "Kubernetes "
                + shown
                + " is older than "
                + KubernetesVersion.MINIMUM_TEXT
                + ", the oldest version Cairn supports");
  }

  /** One failing line per kind and verb the user may not use, or one passing line. */
  public List<CheckResult> installPermissions(InstallSettings settings) {
    Map<String, JsonNode> kinds = new LinkedHashMap<>();
    for (JsonNode object : InstallManifests.objects(settings)) {
      kinds.putIfAbsent(
          object.path("apiVersion").asText() + " " + object.path("kind").asText(), object);
    }
    List<CheckResult> denied = new ArrayList<>();
    for (JsonNode object : kinds.values()) {
      for (String verb : INSTALL_VERBS) {
        try {
          if (!allowed(verb, object)) {
            denied.add(CheckResult.fail("may not " + verb + " " + describe(object)));
          }
        } catch (KubernetesClientException e) {
          return List.of(
              CheckResult.fail(
                  "cannot ask the API server what the user may do (SelfSubjectAccessReview): "
                      + e.getMessage()));
        }
      }
    }
    return denied.isEmpty()
        ? List.of(
            CheckResult.pass(
                "may create and patch the "
                    + kinds.size()
                    + " kinds of objects the install applies"))
        : denied;
  }

  private boolean allowed(String verb, JsonNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String namespace = object.at("/metadata/namespace").asText("");
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withNewResourceAttributes()
            .withVerb(verb)
            .withGroup(group)
            .withResource(plural(object))
            .withNamespace(namespace.isEmpty() ? null : namespace)
            .endResourceAttributes()
            .endSpec()
            .build();
    SelfSubjectAccessReview answer =
        client.authorization().v1().selfSubjectAccessReview().create(review);
    return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
  }

  private static String plural(JsonNode object) {
    return Pluralize.toPlural(object.path("kind").asText().toLowerCase(Locale.ROOT));
  }

  private static String describe(JsonNode object) {
    String namespace = object.at("/metadata/namespace").asText("");
    String apiVersion = object.path("apiVersion").asText();
    String group =
        apiVersion.contains("/") ? "." + apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return plural(object)
        + group
        + (namespace.isEmpty() ? " (cluster-wide)" : " in namespace " + namespace);
  }

  /** One line per CRD of this build. */
  public List<CheckResult> crds() {
    List<CheckResult> results = new ArrayList<>();
    for (var kind : CairnCrds.KINDS) {
      JsonNode expected = CairnCrds.crd(kind);
      results.add(crd(expected));
    }
    return results;
  }

  private CheckResult crd(JsonNode expected) {
    String name = expected.at("/metadata/name").asText();
    List<String> served = new ArrayList<>();
    for (JsonNode version : expected.at("/spec/versions")) {
      if (version.path("served").asBoolean(false)) {
        served.add(version.path("name").asText());
      }
    }
    CustomResourceDefinition live =
        client.apiextensions().v1().customResourceDefinitions().withName(name).get();
    if (live == null) {
      return CheckResult.fail(name + " is not installed (cairn install)");
    }
    if (!established(live)) {
      return CheckResult.fail(name + " is not Established");
    }
    List<String> liveServed =
        live.getSpec().getVersions().stream()
            .filter(v -> Boolean.TRUE.equals(v.getServed()))
            .map(CustomResourceDefinitionVersion::getName)
            .toList();
    List<String> missing = served.stream().filter(v -> !liveServed.contains(v)).toList();
    if (!missing.isEmpty()) {
      return CheckResult.fail(
          name
              + " does not serve "
              + String.join(", ", missing)
              + " (serves "
              + String.join(", ", liveServed)
              + "); run cairn install to upgrade it");
    }
    return CheckResult.pass(name + " (" + String.join(", ", served) + ")");
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The controller Deployment of the install manifests, in {@code namespace}. */
  public CheckResult controller(String namespace) {
    String where = "Deployment " + namespace + "/" + InstallManifests.NAME;
    Deployment deployment =
        client.apps().deployments().inNamespace(namespace).withName(InstallManifests.NAME).get();
    if (deployment == null) {
      return CheckResult.fail(where + " not found (cairn install)");
    }
    int wanted =
        deployment.getSpec() == null || deployment.getSpec().getReplicas() == null
            ? 1
            : deployment.getSpec().getReplicas();
    int ready =
        deployment.getStatus() == null || deployment.getStatus().getReadyReplicas() == null
            ? 0
            : deployment.getStatus().getReadyReplicas();
    String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    String counts = ready + "/" + wanted + " ready, image " + image;
    return ready >= wanted && ready > 0
        ? CheckResult.pass(where + ": " + counts)
        : CheckResult.fail(where + " is not ready: " + counts);
  }
}
