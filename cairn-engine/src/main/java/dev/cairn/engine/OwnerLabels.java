package dev.cairn.engine;

import java.util.List;

/**
 * The labels Cairn stamps on every object it applies, naming the object that owns it. Pruning
 * checks them before deleting, and the controller watches objects carrying them so that a
 * steady-state reconcile reads no object from the API server.
 */
public final class OwnerLabels {
  public static final String KUSTOMIZATION_NAME = "cairn.dev/name";
  public static final String KUSTOMIZATION_NAMESPACE = "cairn.dev/namespace";
  public static final String HELM_RELEASE_NAME = "helm.cairn.dev/name";
  public static final String HELM_RELEASE_NAMESPACE = "helm.cairn.dev/namespace";

  /** Argo CD's default resource tracking: the Application's name. */
  public static final String APPLICATION_INSTANCE = "app.kubernetes.io/instance";

  private OwnerLabels() {}

  /** One label key per owning kind: every object Cairn applies carries one of them. */
  public static List<String> keys() {
    return List.of(KUSTOMIZATION_NAME, HELM_RELEASE_NAME, APPLICATION_INSTANCE);
  }
}
