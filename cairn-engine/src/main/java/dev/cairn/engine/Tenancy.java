package dev.cairn.engine;

import dev.cairn.api.ConditionReasons;
import java.util.Optional;

/**
 * How tenants are confined, as Flux's multi-tenancy lockdown does it with controller flags.
 *
 * @param noCrossNamespaceRefs refuse an object that names a source or a dependency in another
 *     namespace (Flux's {@code --no-cross-namespace-refs}): the run fails with {@code AccessDenied}
 *     and is retried at the retry interval, as Flux retries it
 * @param defaultServiceAccount the service account impersonated by a Kustomization or HelmRelease
 *     that names none (Flux's {@code --default-service-account}); null means the controller's own
 */
public record Tenancy(boolean noCrossNamespaceRefs, String defaultServiceAccount) {

  public Tenancy {
    defaultServiceAccount =
        defaultServiceAccount == null || defaultServiceAccount.isBlank()
            ? null
            : defaultServiceAccount.strip();
  }

  /** No lockdown: cross-namespace references allowed, the controller's own identity by default. */
  public static Tenancy open() {
    return new Tenancy(false, null);
  }

  public Tenancy withNoCrossNamespaceRefs(boolean value) {
    return new Tenancy(value, defaultServiceAccount);
  }

  public Tenancy withDefaultServiceAccount(String name) {
    return new Tenancy(noCrossNamespaceRefs, name);
  }

  /**
   * Refuses a reference from an object in {@code ownNamespace} to {@code kind} {@code
   * namespace/name} when cross-namespace references are blocked and the namespaces differ. A null
   * or empty {@code namespace} means the object's own. The run fails and is retried, as Flux's
   * kustomize- and helm-controller retry it.
   */
  public void checkReference(String ownNamespace, String kind, String namespace, String name) {
    blocked(ownNamespace, kind, namespace, name)
        .ifPresent(
            message -> {
              throw new ReconcileException.Failed(ConditionReasons.ACCESS_DENIED, message);
            });
  }

  /**
   * As {@link #checkReference}, but the run stalls: only a change of the spec can lift the refusal,
   * as Flux's image and notification controllers treat it (no retry).
   */
  public void stallOnReference(String ownNamespace, String kind, String namespace, String name) {
    blocked(ownNamespace, kind, namespace, name)
        .ifPresent(
            message -> {
              throw new ReconcileException.Stalled(ConditionReasons.ACCESS_DENIED, message);
            });
  }

  /** Whether a reference is blocked, and the message saying so. */
  public Optional<String> blocked(String ownNamespace, String kind, String namespace, String name) {
    if (!noCrossNamespaceRefs
        || namespace == null
        || namespace.isEmpty()
        || namespace.equals(ownNamespace)) {
      return Optional.empty();
    }
    return Optional.of(
        "cannot access '"
            + kind
            + "/"
            + namespace
            + "/"
            + name
            + "', cross-namespace references have been blocked");
  }

  /**
   * The service account an object impersonates: its own {@code serviceAccountName}, or the default.
   */
  public String serviceAccountOf(String serviceAccountName) {
    return serviceAccountName == null || serviceAccountName.isBlank()
        ? defaultServiceAccount
        : serviceAccountName;
  }
}
