package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clusters generator: one parameter set per Argo CD cluster Secret its {@code selector} matches
 * ({@code name}, {@code nameNormalized}, {@code server}, {@code project}, {@code
 * metadata.labels.*}, {@code metadata.annotations.*}, {@code values.*}). Without a selector the
 * local cluster ({@code in-cluster}, {@code https://kubernetes.default.svc}) is one of them unless
 * a Secret already names that server, as in Argo CD.
 */
final class ClusterGenerator {
  static final String IN_CLUSTER_SERVER = "https://kubernetes.default.svc";
  private static final Set<String> FIELDS = Set.of("selector", "values", "template");

  private ClusterGenerator() {}

  static List<Map<String, Object>> generate(JsonNode spec, GeneratorContext context, String where) {
    Generators.checkFields(spec, FIELDS, where);
    JsonNode selector = spec.get("selector");
    boolean anySelector =
        selector != null
            && (selector.path("matchLabels").size() > 0
                || selector.path("matchExpressions").size() > 0);
    List<ClusterSecrets.Cluster> clusters = new ArrayList<>();
    for (ClusterSecrets.Cluster cluster : context.clusters().clusters()) {
      if (labelsMatch(selector, cluster.labels(), where)) {
        clusters.add(cluster);
      }
    }
    if (!anySelector && clusters.stream().noneMatch(c -> IN_CLUSTER_SERVER.equals(c.server()))) {
      clusters.add(
          0, new ClusterSecrets.Cluster("in-cluster", IN_CLUSTER_SERVER, "", Map.of(), Map.of()));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (ClusterSecrets.Cluster cluster : clusters) {
      Map<String, Object> params = params(cluster, context.renderer().nested());
      ParamMaps.addValues(spec.get("values"), params, context.renderer(), where);
      out.add(params);
    }
    return out;
  }

  private static boolean labelsMatch(JsonNode selector, Map<String, String> labels, String where) {
    if (selector == null) {
      return true;
    }
    var matchLabels = selector.path("matchLabels").fields();
    while (matchLabels.hasNext()) {
      var label = matchLabels.next();
      if (!label.getValue().asText().equals(labels.get(label.getKey()))) {
        return false;
      }
    }
    Map<String, Object> asObjects = new LinkedHashMap<>(labels);
    for (JsonNode expression : selector.path("matchExpressions")) {
      if (!ParamSelector.matchesExpression(expression, asObjects, where + ".selector")) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Object> params(ClusterSecrets.Cluster cluster, boolean nested) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", cluster.name());
    params.put("nameNormalized", NameNormalizer.normalize(cluster.name()));
    params.put("server", cluster.server());
    params.put("project", cluster.project() == null ? "" : cluster.project());
    if (nested) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("labels", new LinkedHashMap<>(cluster.labels()));
      metadata.put("annotations", new LinkedHashMap<>(cluster.annotations()));
      params.put("metadata", metadata);
    } else {
      cluster.annotations().forEach((k, v) -> params.put("metadata.annotations." + k, v));
      cluster.labels().forEach((k, v) -> params.put("metadata.labels." + k, v));
    }
    return params;
  }
}
