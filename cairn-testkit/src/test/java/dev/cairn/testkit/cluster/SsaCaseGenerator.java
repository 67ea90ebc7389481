package dev.cairn.testkit.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates server-side apply cases for {@link ServerSideApplyOracleIT}: sequences of two to four
 * applies by the managers alpha, beta and gamma (a quarter of them forced) of ConfigMaps,
 * Deployments and Services built from a small vocabulary, so that managers often touch the same
 * fields, list items (containers by name, ports by port and protocol, env by name) and atomic parts
 * (node selectors, tolerations, args, Service selectors; a Deployment's label selector is shared,
 * as it is immutable and required). Every field used is in the oracle's schema ({@code
 * src/test/go/ssaoracle/schema.yaml}).
 */
final class SsaCaseGenerator {
  static final List<String> TYPES = List.of("configmap", "deployment", "service");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> MANAGERS = List.of("alpha", "beta", "gamma");

  private final Random random;
  private String selected = "web";

  SsaCaseGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** One case: {@code {"type": ..., "name": ..., "steps": [{manager, force, object}]}}. */
  ObjectNode next(String type, String name) {
    ObjectNode testCase = JSON.createObjectNode().put("type", type).put("name", name);
    ArrayNode steps = testCase.putArray("steps");
    selected = pick(List.of("web", "api"));
    int count = 2 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      ObjectNode step = steps.addObject();
      step.put("manager", pick(MANAGERS)).put("force", i > 0 && random.nextInt(4) == 0);
      step.set("object", object(type, name));
    }
    return testCase;
  }

  private ObjectNode object(String type, String name) {
    ObjectNode object = JSON.createObjectNode();
    switch (type) {
      case "configmap":
        object.put("apiVersion", "v1").put("kind", "ConfigMap");
        metadata(object, name);
        map(object, "data", List.of("a", "b", "c", "d"), List.of("1", "2"));
        return object;
      case "deployment":
        object.put("apiVersion", "apps/v1").put("kind", "Deployment");
        metadata(object, name);
        deploymentSpec(object.putObject("spec"));
        return object;
      default:
        object.put("apiVersion", "v1").put("kind", "Service");
        metadata(object, name);
        serviceSpec(object.putObject("spec"));
        return object;
    }
  }

  private void metadata(ObjectNode object, String name) {
    ObjectNode metadata = object.putObject("metadata").put("name", name);
    map(metadata, "labels", List.of("team", "tier"), List.of("a", "b"));
    map(metadata, "annotations", List.of("note"), List.of("n1", "n2"));
  }

  private void deploymentSpec(ObjectNode spec) {
    if (chance()) {
      spec.put("replicas", 1 + random.nextInt(3));
    }
    if (chance()) {
      spec.put("minReadySeconds", random.nextInt(2) * 5);
    }
    // every manager applies the same selector: it is immutable (a different one is refused before
    // any merge) and required (dropping it would be refused too)
    spec.putObject("selector").putObject("matchLabels").put("app", selected);
    // a Deployment without a template, or whose template labels miss the selector, is refused
    ObjectNode template = spec.putObject("template");
    ObjectNode labels = template.putObject("metadata").putObject("labels");
    labels.put("app", selected);
    if (chance()) {
      labels.put("track", pick(List.of("stable", "canary")));
    }
    podSpec(template.putObject("spec"));
  }

  private void podSpec(ObjectNode spec) {
    ArrayNode containers = spec.putArray("containers");
    container(containers.addObject().put("name", "app"));
    if (random.nextBoolean()) {
      container(containers.addObject().put("name", "sidecar"));
    }
    if (chance()) {
      spec.putObject("nodeSelector").put("disk", pick(List.of("ssd", "hdd")));
    }
    if (chance()) {
      spec.putArray("tolerations")
          .addObject()
          .put("key", pick(List.of("k1", "k2")))
          .put("operator", "Exists");
    }
  }

  private void container(ObjectNode container) {
    if (chance()) {
      container.put("image", pick(List.of("img:1", "img:2")));
    }
    if (random.nextInt(4) == 0) {
      ArrayNode args = container.putArray("args");
      (random.nextBoolean() ? List.of("--a") : List.of("--b", "--c")).forEach(args::add);
    }
    if (chance()) {
      ArrayNode env = container.putArray("env");
      for (String var : subset(List.of("A", "B"), true)) {
        env.addObject().put("name", var).put("value", pick(List.of("x", "y")));
      }
    }
    if (chance()) {
      ArrayNode ports = container.putArray("ports");
      for (String port : subset(List.of("80", "443"), true)) {
        ObjectNode p = ports.addObject().put("containerPort", Integer.parseInt(port));
        if (random.nextBoolean()) {
          p.put("protocol", "TCP");
        }
      }
    }
    if (random.nextInt(4) == 0) {
      ObjectNode requests = container.putObject("resources").putObject("requests");
      requests.put("cpu", pick(List.of("100m", "250m")));
      if (random.nextBoolean()) {
        requests.put("memory", pick(List.of("64Mi", "128Mi")));
      }
    }
  }

  private void serviceSpec(ObjectNode spec) {
    if (chance()) {
      spec.putObject("selector").put("app", pick(List.of("web", "api")));
    }
    // kube-apiserver refuses a ClusterIP Service without ports, so every apply carries some
    ArrayNode ports = spec.putArray("ports");
    for (String port : subset(List.of("80", "443"), true)) {
      ObjectNode p = ports.addObject().put("port", Integer.parseInt(port));
      p.put("name", "p" + port);
      if (random.nextBoolean()) {
        p.put("protocol", "TCP");
      }
      if (random.nextBoolean()) {
        p.put("targetPort", pick(List.of(8080, 8443)));
      }
    }
    if (random.nextInt(4) == 0) {
      spec.put("sessionAffinity", pick(List.of("None", "ClientIP")));
    }
  }

  private void map(ObjectNode parent, String field, List<String> keys, List<String> values) {
    List<String> chosen = subset(keys, false);
    if (chosen.isEmpty()) {
      return;
    }
    ObjectNode map = parent.putObject(field);
    chosen.forEach(k -> map.put(k, pick(values)));
  }

  private List<String> subset(List<String> all, boolean nonEmpty) {
    List<String> out = new ArrayList<>();
    for (String item : all) {
      if (random.nextBoolean()) {
        out.add(item);
      }
    }
    if (nonEmpty && out.isEmpty()) {
      out.add(pick(all));
    }
    return out;
  }

  private boolean chance() {
    return random.nextInt(3) > 0;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
