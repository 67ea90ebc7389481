package dev.cairn.sim.cluster;

import static dev.cairn.sim.cluster.DefaultValues.bool;
import static dev.cairn.sim.cluster.DefaultValues.existing;
import static dev.cairn.sim.cluster.DefaultValues.number;
import static dev.cairn.sim.cluster.DefaultValues.object;
import static dev.cairn.sim.cluster.DefaultValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The defaults kube-apiserver fills into built-in kinds when it decodes them, per kind as the
 * {@code SetDefaults_*} functions say: {@code pkg/apis/apps/v1/defaults.go} (Deployment,
 * StatefulSet, DaemonSet, ReplicaSet), {@code pkg/apis/batch/v1/defaults.go} (Job, CronJob), {@code
 * pkg/apis/core/v1/defaults.go} (Service, Secret, PersistentVolumeClaim, pod templates through
 * {@link PodTemplateDefaults}), {@code pkg/apis/networking/v1/defaults.go} (NetworkPolicy) and
 * {@code pkg/apis/rbac/v1/defaults.go} (role bindings). Service IP and node-port allocation is
 * {@link ServiceAllocation}'s. Kinds not listed here get no defaults.
 */
final class BuiltInDefaults {
  private static final String RBAC = "rbac.authorization.k8s.io";

  private BuiltInDefaults() {}

  static void apply(ResourceType type, ObjectNode object) {
    if (type.custom()) {
      return;
    }
    JsonNode spec = object.path("spec");
    switch (type.group() + "/" + type.kind()) {
      case "apps/Deployment" -> deployment(spec);
      case "apps/StatefulSet" -> statefulSet(spec);
      case "apps/DaemonSet" -> daemonSet(spec);
      case "apps/ReplicaSet", "/ReplicationController" -> {
        number(spec, "replicas", 1);
        PodTemplateDefaults.template(spec.path("template"));
      }
      case "batch/Job" -> job(spec);
      case "batch/CronJob" -> cronJob(spec);
      case "/Service" -> service(spec);
      case "/Secret" -> text(object, "type", "Opaque");
      case "/PersistentVolumeClaim" -> claim(object);
      case "networking.k8s.io/NetworkPolicy" -> networkPolicy(spec);
      case RBAC + "/RoleBinding", RBAC + "/ClusterRoleBinding" -> roleBinding(object);
      default -> {}
    }
  }

  private static void deployment(JsonNode spec) {
    number(spec, "replicas", 1);
    ObjectNode strategy = object(spec, "strategy");
    text(strategy, "type", "RollingUpdate");
    if (strategy != null && "RollingUpdate".equals(strategy.path("type").asText())) {
      ObjectNode rolling = object(strategy, "rollingUpdate");
      text(rolling, "maxUnavailable", "25%");
      text(rolling, "maxSurge", "25%");
    }
    number(spec, "revisionHistoryLimit", 10);
    number(spec, "progressDeadlineSeconds", 600);
    PodTemplateDefaults.template(spec.path("template"));
  }

  private static void statefulSet(JsonNode spec) {
    number(spec, "replicas", 1);
    text(spec, "podManagementPolicy", "OrderedReady");
    ObjectNode strategy = object(spec, "updateStrategy");
    if (strategy != null && !strategy.hasNonNull("type")) {
      // only an absent type brings a rollingUpdate block with it
      strategy.put("type", "RollingUpdate");
      object(strategy, "rollingUpdate");
    }
    if (strategy != null && "RollingUpdate".equals(strategy.path("type").asText())) {
      number(existing(strategy, "rollingUpdate"), "partition", 0);
    }
    number(spec, "revisionHistoryLimit", 10);
    ObjectNode retention = object(spec, "persistentVolumeClaimRetentionPolicy");
    text(retention, "whenDeleted", "Retain");
    text(retention, "whenScaled", "Retain");
    for (JsonNode template : spec.path("volumeClaimTemplates")) {
      if (template instanceof ObjectNode claimTemplate) {
        claim(claimTemplate);
      }
    }
    PodTemplateDefaults.template(spec.path("template"));
  }

  private static void daemonSet(JsonNode spec) {
    ObjectNode strategy = object(spec, "updateStrategy");
    text(strategy, "type", "RollingUpdate");
    if (strategy != null && "RollingUpdate".equals(strategy.path("type").asText())) {
      ObjectNode rolling = object(strategy, "rollingUpdate");
      number(rolling, "maxUnavailable", 1);
      number(rolling, "maxSurge", 0);
    }
    number(spec, "revisionHistoryLimit", 10);
    PodTemplateDefaults.template(spec.path("template"));
  }

  private static void job(JsonNode spec) {
    if (!spec.hasNonNull("completions") && !spec.hasNonNull("parallelism")) {
      number(spec, "completions", 1);
      number(spec, "parallelism", 1);
    }
    number(spec, "parallelism", 1);
    number(spec, "backoffLimit", 6);
    text(spec, "completionMode", "NonIndexed");
    bool(spec, "suspend", false);
    text(
        spec,
        "podReplacementPolicy",
        spec.has("podFailurePolicy") ? "Failed" : "TerminatingOrFailed");
    PodTemplateDefaults.template(spec.path("template"));
  }

  private static void cronJob(JsonNode spec) {
    text(spec, "concurrencyPolicy", "Allow");
    bool(spec, "suspend", false);
    number(spec, "successfulJobsHistoryLimit", 3);
    number(spec, "failedJobsHistoryLimit", 1);
    PodTemplateDefaults.template(spec.path("jobTemplate").path("spec").path("template"));
  }

  private static void service(JsonNode spec) {
    if (!(spec instanceof ObjectNode s)) {
      return;
    }
    text(s, "type", "ClusterIP");
    text(s, "sessionAffinity", "None");
    String type = s.path("type").asText();
    if ("ClientIP".equals(s.path("sessionAffinity").asText())) {
      number(object(object(s, "sessionAffinityConfig"), "clientIP"), "timeoutSeconds", 10800);
    } else {
      s.remove("sessionAffinityConfig");
    }
    for (JsonNode port : s.path("ports")) {
      text(port, "protocol", "TCP");
      JsonNode target = port.path("targetPort");
      if (port instanceof ObjectNode p
          && (target.isMissingNode()
              || target.isNull()
              || target.asText().equals("0")
              || target.asText().isEmpty())) {
        p.set("targetPort", port.path("port").deepCopy());
      }
    }
    boolean external =
        type.equals("NodePort")
            || type.equals("LoadBalancer")
            || (type.equals("ClusterIP") && !s.path("externalIPs").isEmpty());
    if (external) {
      text(s, "externalTrafficPolicy", "Cluster");
    }
    if (!type.equals("ExternalName")) {
      text(s, "internalTrafficPolicy", "Cluster");
    }
    if (type.equals("LoadBalancer")) {
      bool(s, "allocateLoadBalancerNodePorts", true);
    }
  }

  private static void claim(ObjectNode claim) {
    text(claim.path("spec"), "volumeMode", "Filesystem");
    text(object(claim, "status"), "phase", "Pending");
  }

  private static void networkPolicy(JsonNode spec) {
    if (!(spec instanceof ObjectNode s)) {
      return;
    }
    for (String direction : new String[] {"ingress", "egress"}) {
      for (JsonNode rule : s.path(direction)) {
        rule.path("ports").forEach(port -> text(port, "protocol", "TCP"));
      }
    }
    if (s.path("policyTypes").isEmpty()) {
      ArrayNode types = s.putArray("policyTypes").add("Ingress");
      if (!s.path("egress").isEmpty()) {
        types.add("Egress");
      }
    }
  }

  private static void roleBinding(ObjectNode binding) {
    text(existing(binding, "roleRef"), "apiGroup", RBAC);
    for (JsonNode subject : binding.path("subjects")) {
      String kind = subject.path("kind").asText();
      if (kind.equals("User") || kind.equals("Group")) {
        text(subject, "apiGroup", RBAC);
      }
    }
  }
}
