package dev.cairn.apply;

import dev.cairn.manifest.GroupVersionKind;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the objects of one apply, one at a time: stamps the ownership labels on a copy, finds the
 * kind's scope (from the set's own CRDs or the cluster), checks the namespace, and tells apart what
 * can be validated now from what must wait for the set's CRDs and Namespaces. Collects every
 * problem and reports them together.
 */
final class SetPlanner {
  private final ClusterClient cluster;
  private final Map<String, String> labels;
  private final SetDefinitions definitions;
  private final Set<ObjectId> seen = new HashSet<>();
  private final Map<String, Boolean> namespaceExists = new HashMap<>();
  private final List<ObjectPlan> plans = new ArrayList<>();
  private final List<ApplyFailure> failures = new ArrayList<>();

  SetPlanner(ClusterClient cluster, Map<String, String> labels, SetDefinitions definitions) {
    this.cluster = cluster;
    this.labels = labels;
    this.definitions = definitions;
  }

  /** Plans {@code object}, or records why it cannot be applied. */
  void add(KubeObject object) {
    ObjectId id = object.id();
    if (!seen.add(id)) {
      failures.add(new ApplyFailure(id, "the set holds this object more than once"));
      return;
    }
    GroupVersionKind gvk = id.gvk();
    Optional<KindScope> scope = scopeOf(gvk);
    if (scope.isEmpty()) {
      failures.add(new ApplyFailure(id, unknownKind(gvk)));
      return;
    }
    boolean namespaced = scope.get().namespaced();
    String namespace = object.namespace();
    if (namespaced && (namespace == null || namespace.isEmpty())) {
      failures.add(new ApplyFailure(id, "a namespaced " + gvk.kind() + " needs a namespace"));
      return;
    }
    boolean deferred = !scope.get().served() || waitsForNamespace(namespaced, namespace);
    plans.add(
        new ObjectPlan(
            desired(object, namespaced),
            namespaced,
            KindOrder.stage(gvk.kind(), namespaced),
            deferred));
  }

  /**
   * The plans in apply order.
   *
   * @throws ApplyException naming every object that cannot be applied, before anything is
   */
  List<ObjectPlan> plans() {
    if (!failures.isEmpty()) {
      throw new ApplyException("validation failed", failures, ChangeSet.empty());
    }
    List<ObjectPlan> ordered = new ArrayList<>(plans);
    ordered.sort(KindOrder.applyOrder(ObjectPlan::id, ObjectPlan::namespaced));
    return ordered;
  }

  private Optional<KindScope> scopeOf(GroupVersionKind gvk) {
    Optional<Boolean> fromSet = definitions.namespaced(gvk);
    Optional<Boolean> discovered =
        fromSet.isPresent() && !cluster.serves(gvk) ? Optional.empty() : cluster.namespaced(gvk);
    return KindScope.of(fromSet, discovered);
  }

  private static String unknownKind(GroupVersionKind gvk) {
    return "no kind \""
        + gvk.kind()
        + "\" is registered for version \""
        + gvk.apiVersion()
        + "\" (no CRD in the set or the cluster defines it)";
  }

  /** A copy with the ownership labels, and no namespace when the kind is cluster-scoped. */
  private KubeObject desired(KubeObject object, boolean namespaced) {
    KubeObject desired = object.deepCopy();
    labels.forEach(desired::setLabel);
    if (!namespaced && desired.namespace() != null) {
      desired.setNamespace(null);
    }
    return desired;
  }

  /** Whether the object lives in a Namespace the set creates and the cluster does not have yet. */
  private boolean waitsForNamespace(boolean namespaced, String namespace) {
    return namespaced
        && definitions.createsNamespace(namespace)
        && !namespaceExists.computeIfAbsent(
            namespace,
            name -> cluster.get(new ObjectId("", "v1", "Namespace", null, name)).isPresent());
  }
}
