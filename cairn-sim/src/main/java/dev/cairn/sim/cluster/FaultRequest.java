package dev.cairn.sim.cluster;

import dev.cairn.sim.cluster.RequestCounter.Verb;

/**
 * A resource request as a {@link FaultRule} sees it.
 *
 * @param resource as {@link RequestCounter} names it: {@code configmaps}, {@code deployments.apps},
 *     {@code kustomizations.cairn.dev/status}
 * @param namespace null for a cluster-scoped request or a list across namespaces
 * @param name null for a list, a watch or a create
 * @param dryRun whether the request carries {@code dryRun=All}
 * @param impersonatedUser the {@code Impersonate-User} header, or null
 */
public record FaultRequest(
    Verb verb,
    String resource,
    String namespace,
    String name,
    boolean dryRun,
    String impersonatedUser) {

  /** The request as a Kubernetes audit line would name it: {@code apply configmaps ns/name}. */
  @Override
  public String toString() {
    String target =
        name == null ? (namespace == null ? "" : " " + namespace + "/") : " " + qualified();
    return verb.name().toLowerCase() + " " + resource + target;
  }

  private String qualified() {
    return namespace == null ? name : namespace + "/" + name;
  }

  /** Null for a request that is not a resource request (discovery, {@code /version}). */
  static FaultRequest of(ApiRequest request, String impersonatedUser) {
    if (!request.isResourceRequest()) {
      return null;
    }
    Verb verb = RequestCounter.verbOf(request);
    if (verb == null) {
      return null;
    }
    return new FaultRequest(
        verb,
        RequestCounter.resourceOf(request),
        request.namespace(),
        request.name(),
        request.isDryRun(),
        impersonatedUser);
  }
}
