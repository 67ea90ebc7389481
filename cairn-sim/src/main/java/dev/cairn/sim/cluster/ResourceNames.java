package dev.cairn.sim.cluster;

import java.util.List;
import java.util.Map;

/**
 * The short names and categories kube-apiserver's discovery gives the built-in resources (each
 * registry's {@code ShortNames()} and {@code Categories()}, e.g. {@code
 * pkg/registry/apps/deployment/storage/storage.go}), so {@code kubectl get deploy} and {@code
 * kubectl get all} resolve as against a real server. Custom resources take theirs from the CRD's
 * {@code spec.names}.
 *
 * @param shortNames what kubectl accepts instead of the plural
 * @param categories the groups {@code kubectl get <category>} expands to
 */
record ResourceNames(List<String> shortNames, List<String> categories) {
  static final ResourceNames NONE = new ResourceNames(List.of(), List.of());

  private static final List<String> ALL = List.of("all");

  /** Keyed by {@code plural} or {@code plural.group}. */
  private static final Map<String, ResourceNames> BUILT_IN =
      Map.ofEntries(
          Map.entry("pods", new ResourceNames(List.of("po"), ALL)),
          Map.entry("services", new ResourceNames(List.of("svc"), ALL)),
          Map.entry("replicationcontrollers", new ResourceNames(List.of("rc"), ALL)),
          Map.entry("configmaps", names("cm")),
          Map.entry("endpoints", names("ep")),
          Map.entry("events", names("ev")),
          Map.entry("limitranges", names("limits")),
          Map.entry("namespaces", names("ns")),
          Map.entry("nodes", names("no")),
          Map.entry("persistentvolumeclaims", names("pvc")),
          Map.entry("persistentvolumes", names("pv")),
          Map.entry("resourcequotas", names("quota")),
          Map.entry("serviceaccounts", names("sa")),
          Map.entry("deployments.apps", new ResourceNames(List.of("deploy"), ALL)),
          Map.entry("statefulsets.apps", new ResourceNames(List.of("sts"), ALL)),
          Map.entry("daemonsets.apps", new ResourceNames(List.of("ds"), ALL)),
          Map.entry("replicasets.apps", new ResourceNames(List.of("rs"), ALL)),
          Map.entry("jobs.batch", new ResourceNames(List.of(), ALL)),
          Map.entry("cronjobs.batch", new ResourceNames(List.of("cj"), ALL)),
          Map.entry("horizontalpodautoscalers.autoscaling", new ResourceNames(List.of("hpa"), ALL)),
          Map.entry("ingresses.networking.k8s.io", names("ing")),
          Map.entry("networkpolicies.networking.k8s.io", names("netpol")),
          Map.entry("poddisruptionbudgets.policy", names("pdb")),
          Map.entry("customresourcedefinitions.apiextensions.k8s.io", names("crd", "crds")),
          Map.entry("storageclasses.storage.k8s.io", names("sc")),
          Map.entry("priorityclasses.scheduling.k8s.io", names("pc")),
          Map.entry("events.events.k8s.io", names("ev")));

  private static ResourceNames names(String... shortNames) {
    return new ResourceNames(List.of(shortNames), List.of());
  }

  /** The names of a built-in resource, by its qualified plural ({@code deployments.apps}). */
  static ResourceNames builtIn(String qualifiedPlural) {
    return BUILT_IN.getOrDefault(qualifiedPlural, NONE);
  }
}
