package dev.cairn.cli.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.CairnApi;
import dev.cairn.api.InventoryId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The inventory of a Kustomization as a tree: each entry an object; nested Kustomizations and
 * HelmReleases expanded from their own {@code status.inventory} when they have one.
 */
public final class InventoryTree {

  /** One object in the tree. {@code namespace} is empty for cluster-scoped objects. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Node(String kind, String namespace, String name, List<Node> children) {

    public String label() {
      return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
  }

  private static final Set<String> CAIRN_GROUPS =
      Set.of(CairnApi.GROUP, "kustomize.toolkit.fluxcd.io", "helm.toolkit.fluxcd.io");

  private final CairnObjects objects;

  public InventoryTree(CairnObjects objects) {
    this.objects = objects;
  }

  public Node of(CairnObjectRef root) {
    return expand(root, new HashSet<>());
  }

  private Node expand(CairnObjectRef ref, Set<CairnObjectRef> seen) {
    List<Node> children = new ArrayList<>();
    if (seen.add(ref)) {
      JsonNode object;
      try {
        object = objects.object(ref);
      } catch (CairnObjects.NotFoundException e) {
        object = null;
      }
      if (object != null) {
        for (JsonNode entry : object.at("/status/inventory/entries")) {
          children.add(child(InventoryId.parse(entry.path("id").asText()), seen));
        }
      }
    }
    return new Node(ref.kind().name(), ref.namespace(), ref.name(), children);
  }

  private Node child(InventoryId id, Set<CairnObjectRef> seen) {
    boolean nested =
        CAIRN_GROUPS.contains(id.group())
            && (id.kind().equals("Kustomization") || id.kind().equals("HelmRelease"));
    if (nested) {
      return expand(
          new CairnObjectRef(CairnKind.valueOf(id.kind()), id.namespace(), id.name()), seen);
    }
    return new Node(id.kind(), id.namespace(), id.name(), List.of());
  }
}
