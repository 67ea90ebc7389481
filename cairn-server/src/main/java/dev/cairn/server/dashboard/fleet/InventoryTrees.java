package dev.cairn.server.dashboard.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.health.Health;
import dev.cairn.health.HealthChecks;
import dev.cairn.manifest.KubeObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds an object's inventory tree: Cairn objects in it come from the cache and are expanded with
 * their own inventories; other objects are read once from the API server and judged by
 * cairn-health. Secrets are never read (their health is their presence in the inventory).
 */
public final class InventoryTrees {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final KubernetesClient client;
  private final FleetCache cache;
  private final HealthChecks checks = HealthChecks.defaults();

  public InventoryTrees(KubernetesClient client, FleetCache cache) {
    this.client = client;
    this.cache = cache;
  }

  /** The tree under {@code root} (root itself is the returned node). */
  public InventoryNode of(FleetObject root) {
    return expand(root, new HashSet<>());
  }

  private InventoryNode expand(FleetObject object, Set<FleetRef> seen) {
    List<InventoryNode> children = new ArrayList<>();
    if (seen.add(object.ref())) {
      for (FleetObject.InventoryItem item : object.inventory()) {
        children.add(child(item, seen));
      }
    }
    return new InventoryNode(
        object.ref(), object.health().label(), object.message(), true, List.copyOf(children));
  }

  private InventoryNode child(FleetObject.InventoryItem item, Set<FleetRef> seen) {
    if (cache.adapters().forKind(item.ref().kind()).isPresent()) {
      var cached = cache.find(item.ref());
      if (cached.isPresent()) {
        return expand(cached.get(), seen);
      }
    }
    if ("Secret".equals(item.ref().kind()) || item.apiVersion().isEmpty()) {
      return new InventoryNode(item.ref(), "—", "", false, List.of());
    }
    Health health = health(item);
    return new InventoryNode(
        item.ref(), health.status().displayName(), health.message(), false, List.of());
  }

  private Health health(FleetObject.InventoryItem item) {
    GenericKubernetesResource live;
    try {
      var resources = client.genericKubernetesResources(item.apiVersion(), item.ref().kind());
      live =
          item.ref().namespace().isEmpty()
              ? resources.withName(item.ref().name()).get()
              : resources.inNamespace(item.ref().namespace()).withName(item.ref().name()).get();
    } catch (KubernetesClientException | IllegalArgumentException e) {
      return new Health(dev.cairn.health.HealthStatus.UNKNOWN, "cannot read: " + e.getMessage());
    }
    if (live == null) {
      return new Health(dev.cairn.health.HealthStatus.NOT_FOUND, "not found in the cluster");
    }
    ObjectNode node = MAPPER.valueToTree(live);
    return checks.check(KubeObject.of(node));
  }
}
