package dev.cairn.apply;

import dev.cairn.manifest.GroupVersionKind;
import dev.cairn.manifest.ObjectId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The one table that orders kinds: which {@link Stage} a kind is applied in, and its rank within
 * the stage. Apply walks it forwards, deletion backwards.
 *
 * <p>Admission webhook and policy configurations are cluster-scoped but go last, into {@link
 * Stage#WORKLOADS}: a webhook registered before the Service that serves it rejects every later
 * request it intercepts.
 */
public final class KindOrder {

  /** Kinds in apply order; kinds not listed rank after these, alphabetically. */
  private static final List<String> RANKED =
      List.of(
          "CustomResourceDefinition",
          "Namespace",
          "RuntimeClass",
          "PriorityClass",
          "StorageClass",
          "VolumeSnapshotClass",
          "IngressClass",
          "GatewayClass",
          "PersistentVolume",
          "ClusterRole",
          "ClusterRoleBinding",
          "ResourceQuota",
          "LimitRange",
          "ServiceAccount",
          "Role",
          "RoleBinding",
          "Secret",
          "ConfigMap",
          "PersistentVolumeClaim",
          "Service",
          "Endpoints",
          "EndpointSlice",
          "NetworkPolicy",
          "DaemonSet",
          "Pod",
          "ReplicaSet",
          "Deployment",
          "StatefulSet",
          "Job",
          "CronJob",
          "HorizontalPodAutoscaler",
          "PodDisruptionBudget",
          "Ingress",
          "APIService");

  /** Ranked after every other kind, in this order. */
  private static final List<String> LAST =
      List.of(
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "MutatingAdmissionPolicy",
          "MutatingAdmissionPolicyBinding");

  private static final Set<String> DEFINITIONS = Set.of("CustomResourceDefinition", "Namespace");

  private static final Map<String, Integer> RANK =
      IntStream.range(0, RANKED.size()).boxed().collect(Collectors.toMap(RANKED::get, i -> i));

  private KindOrder() {}

  /**
   * The stage of a kind.
   *
   * @param namespaced whether objects of the kind live in a namespace (discovery or the CRD says)
   */
  public static Stage stage(String kind, boolean namespaced) {
    if (DEFINITIONS.contains(kind)) {
      return Stage.DEFINITIONS;
    }
    if (LAST.contains(kind) || namespaced) {
      return Stage.WORKLOADS;
    }
    return Stage.CLUSTER;
  }

  /** Rank of a kind inside its stage; lower applies first. Unlisted kinds share one rank. */
  public static int rank(String kind) {
    int last = LAST.indexOf(kind);
    if (last >= 0) {
      return RANKED.size() + 1 + last;
    }
    return RANK.getOrDefault(kind, RANKED.size());
  }

  /** Apply order: stage, rank, kind, namespace, name. */
  public static <T> Comparator<T> applyOrder(
      Function<T, ObjectId> id, Function<T, Boolean> namespaced) {
    Comparator<T> byStage =
        Comparator.comparing(t -> stage(id.apply(t).kind(), namespaced.apply(t)));
    return byStage
        .thenComparingInt(t -> rank(id.apply(t).kind()))
        .thenComparing(t -> id.apply(t).kind())
        .thenComparing(t -> Objects.toString(id.apply(t).namespace(), ""))
        .thenComparing(t -> Objects.toString(id.apply(t).name(), ""));
  }

  /** Sorts ids for apply; cluster scope taken from {@link ObjectId#clusterScoped()}. */
  public static List<ObjectId> sortForApply(Collection<ObjectId> ids) {
    List<ObjectId> sorted = new ArrayList<>(ids);
    sorted.sort(applyOrder(Function.identity(), id -> !isClusterScoped(id)));
    return sorted;
  }

  /** The reverse of {@link #sortForApply}: what was applied last is deleted first. */
  public static List<ObjectId> sortForDelete(Collection<ObjectId> ids) {
    List<ObjectId> sorted = sortForApply(ids);
    java.util.Collections.reverse(sorted);
    return sorted;
  }

  private static boolean isClusterScoped(ObjectId id) {
    return id.clusterScoped() || (id.namespace() == null || id.namespace().isEmpty());
  }

  /** Whether {@code gvk} is the CustomResourceDefinition kind. */
  static boolean isCrd(GroupVersionKind gvk) {
    return "apiextensions.k8s.io".equals(gvk.group())
        && "CustomResourceDefinition".equals(gvk.kind());
  }
}
