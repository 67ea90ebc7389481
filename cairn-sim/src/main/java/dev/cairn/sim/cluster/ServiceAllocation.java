package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the Service registry allocates (after {@code pkg/registry/core/service/storage/alloc.go}): a
 * cluster IP from 10.96.0.0/12 with {@code clusterIPs}, {@code ipFamilies: [IPv4]} and {@code
 * ipFamilyPolicy: SingleStack} (a single-stack IPv4 cluster), and node ports from 30000-32767 for
 * NodePort and LoadBalancer Services. On update, values the new object leaves empty are kept from
 * the old one ({@code patchAllocatedValues}), so a PUT without {@code clusterIP} keeps it. IPs and
 * ports are never reused (the simulation does not release them).
 */
final class ServiceAllocation {
  private final AtomicInteger nextIp = new AtomicInteger(10);
  private final AtomicInteger nextNodePort = new AtomicInteger(30000);

  /** Fills allocated fields of a Service; {@code live} is the stored one, or null on create. */
  void allocate(ResourceType type, ObjectNode service, JsonNode live) {
    if (type.custom() || !type.group().isEmpty() || !type.kind().equals("Service")) {
      return;
    }
    if (!(service.path("spec") instanceof ObjectNode spec)) {
      return;
    }
    String serviceType = spec.path("type").asText("ClusterIP");
    if (serviceType.equals("ExternalName")) {
      return;
    }
    JsonNode old = live == null ? null : live.path("spec");
    if (!spec.hasNonNull("clusterIP") && old != null && old.hasNonNull("clusterIP")) {
      spec.set("clusterIP", old.get("clusterIP").deepCopy());
      spec.set("clusterIPs", old.path("clusterIPs").deepCopy());
    }
    if (!spec.hasNonNull("clusterIP") || spec.path("clusterIP").asText().isEmpty()) {
      int n = nextIp.getAndIncrement();
      spec.put("clusterIP", "10.96." + (n / 256) + "." + (n % 256));
    }
    if (spec.path("clusterIPs").isEmpty()) {
      spec.putArray("clusterIPs").add(spec.get("clusterIP").asText());
    }
    if (spec.path("ipFamilies").isEmpty()) {
      spec.putArray("ipFamilies").add("IPv4");
    }
    DefaultValues.text(spec, "ipFamilyPolicy", "SingleStack");
    if (serviceType.equals("NodePort") || serviceType.equals("LoadBalancer")) {
      for (JsonNode port : spec.path("ports")) {
        nodePort(port, old);
      }
    }
  }

  private void nodePort(JsonNode port, JsonNode old) {
    if (!(port instanceof ObjectNode p) || p.hasNonNull("nodePort")) {
      return;
    }
    if (old != null) {
      for (JsonNode before : old.path("ports")) {
        if (before.path("port").equals(p.path("port"))
            && before.path("protocol").asText("TCP").equals(p.path("protocol").asText("TCP"))
            && before.hasNonNull("nodePort")) {
          p.set("nodePort", before.get("nodePort").deepCopy());
          return;
        }
      }
    }
    p.put("nodePort", nextNodePort.getAndIncrement());
  }
}
