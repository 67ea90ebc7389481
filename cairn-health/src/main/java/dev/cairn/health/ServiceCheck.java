package dev.cairn.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.KubeObject;

/**
 * core/Service: a LoadBalancer waits until the load balancer reports an ingress IP or hostname;
 * every other type is Current once applied.
 */
final class ServiceCheck implements HealthCheck {

  @Override
  public Health check(KubeObject object) {
    Fields f = Fields.of(object.node());
    String type = f.text("/spec/type", "ClusterIP");
    if (!type.equals("LoadBalancer")) {
      return Health.current("Service is ready (type " + type + ")");
    }
    for (JsonNode ingress : f.at("/status/loadBalancer/ingress")) {
      String address = ingress.path("ip").asText("");
      if (address.isEmpty()) {
        address = ingress.path("hostname").asText("");
      }
      if (!address.isEmpty()) {
        return Health.current("load balancer ready at " + address);
      }
    }
    return Health.inProgress("waiting for the load balancer to report an ingress IP or hostname");
  }
}
