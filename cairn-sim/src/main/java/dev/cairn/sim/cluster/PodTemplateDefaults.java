package dev.cairn.sim.cluster;

import static dev.cairn.sim.cluster.DefaultValues.existing;
import static dev.cairn.sim.cluster.DefaultValues.number;
import static dev.cairn.sim.cluster.DefaultValues.object;
import static dev.cairn.sim.cluster.DefaultValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The defaults kube-apiserver fills into a pod template, after {@code pkg/apis/core/v1/defaults.go}
 * ({@code SetDefaults_PodSpec}, {@code SetDefaults_Container}, {@code SetDefaults_ContainerPort},
 * {@code SetDefaults_Probe}, {@code SetDefaults_HTTPGetAction}, {@code SetDefaults_Volume}, the
 * volume sources' {@code defaultMode}, {@code SetDefaults_ObjectFieldSelector}). Pod-only defaults
 * ({@code enableServiceLinks}, requests copied from limits) belong to {@code SetDefaults_Pod} and
 * are not applied to templates, as on a real server.
 */
final class PodTemplateDefaults {
  private static final List<String> PROBES =
      List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final List<String> MODE_SOURCES =
      List.of("secret", "configMap", "downwardAPI", "projected");

  private PodTemplateDefaults() {}

  /** Defaults the {@code spec} of a pod template ({@code template.spec}). */
  static void template(JsonNode template) {
    ObjectNode spec = existing(template, "spec");
    if (spec == null) {
      return;
    }
    text(spec, "restartPolicy", "Always");
    text(spec, "dnsPolicy", "ClusterFirst");
    text(spec, "schedulerName", "default-scheduler");
    number(spec, "terminationGracePeriodSeconds", 30);
    object(spec, "securityContext");
    spec.path("containers").forEach(PodTemplateDefaults::container);
    spec.path("initContainers").forEach(PodTemplateDefaults::container);
    spec.path("volumes").forEach(PodTemplateDefaults::volume);
  }

  private static void container(JsonNode container) {
    if (!(container instanceof ObjectNode c)) {
      return;
    }
    text(c, "terminationMessagePath", "/dev/termination-log");
    text(c, "terminationMessagePolicy", "File");
    text(c, "imagePullPolicy", pullPolicy(c.path("image").asText("")));
    object(c, "resources");
    c.path("ports").forEach(port -> text(port, "protocol", "TCP"));
    for (String probe : PROBES) {
      probe(existing(c, probe));
    }
    for (JsonNode env : c.path("env")) {
      text(env.path("valueFrom").path("fieldRef"), "apiVersion", "v1");
    }
  }

  /** {@code Always} for {@code :latest} or no tag (and no digest), else {@code IfNotPresent}. */
  static String pullPolicy(String image) {
    int at = image.indexOf('@');
    String named = at >= 0 ? image.substring(0, at) : image;
    int colon = named.lastIndexOf(':');
    String tag = colon > named.lastIndexOf('/') ? named.substring(colon + 1) : "";
    if (tag.isEmpty() && at < 0) {
      tag = "latest";
    }
    return tag.equals("latest") ? "Always" : "IfNotPresent";
  }

  private static void probe(ObjectNode probe) {
    if (probe == null) {
      return;
    }
    number(probe, "timeoutSeconds", 1);
    number(probe, "periodSeconds", 10);
    number(probe, "successThreshold", 1);
    number(probe, "failureThreshold", 3);
    ObjectNode httpGet = existing(probe, "httpGet");
    if (httpGet != null) {
      text(httpGet, "path", "/");
      text(httpGet, "scheme", "HTTP");
    }
  }

  private static void volume(JsonNode volume) {
    if (!(volume instanceof ObjectNode v)) {
      return;
    }
    if (v.size() == 1 && v.has("name")) {
      v.putObject("emptyDir");
    }
    for (String source : MODE_SOURCES) {
      number(existing(v, source), "defaultMode", 420);
    }
    text(existing(v, "hostPath"), "type", "");
  }
}
