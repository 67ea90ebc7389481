package dev.cairn.render.dialect;

import dev.cairn.api.CairnApi;
import dev.cairn.manifest.KubeObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Argo CD manifests ({@code argoproj.io/v1alpha1}) become Cairn ones: each kind Cairn has is
 * translated by its own function, by default a change of apiVersion only (Cairn's Argo CD kinds
 * keep Argo CD's field names). A further kind is one more entry ({@link #with(String,
 * UnaryOperator)}). Argo CD's own installation (its CRDs, and the objects labelled {@code
 * app.kubernetes.io/part-of: argocd} except its Namespace) is left out: Cairn does its job.
 */
public final class ArgoDialect implements Dialect {
  /** The apiVersion Argo CD users write. */
  public static final String ARGO_API_VERSION = "argoproj.io/v1alpha1";

  private static final String ARGO_GROUP = "argoproj.io";

  private final Map<String, UnaryOperator<KubeObject>> kinds;

  /** Application and AppProject. */
  public ArgoDialect() {
    this(Map.of("Application", ArgoDialect::toCairn, "AppProject", ArgoDialect::toCairn));
  }

  private ArgoDialect(Map<String, UnaryOperator<KubeObject>> kinds) {
    this.kinds = Map.copyOf(kinds);
  }

  /** A dialect that also translates {@code kind} with {@code translation}. */
  public ArgoDialect with(String kind, UnaryOperator<KubeObject> translation) {
    Map<String, UnaryOperator<KubeObject>> all = new HashMap<>(kinds);
    all.put(kind, translation);
    return new ArgoDialect(all);
  }

  @Override
  public String name() {
    return "argocd";
  }

  @Override
  public Optional<KubeObject> translate(KubeObject object) {
    if (!ARGO_API_VERSION.equals(object.apiVersion())) {
      return Optional.empty();
    }
    UnaryOperator<KubeObject> translation = kinds.get(object.kind());
    return translation == null ? Optional.empty() : Optional.of(translation.apply(object));
  }

  /** A copy of {@code object} with Cairn's apiVersion, every field kept. */
  public static KubeObject toCairn(KubeObject object) {
    KubeObject copy = object.deepCopy();
    copy.node().put("apiVersion", CairnApi.API_VERSION);
    return copy;
  }

  @Override
  public boolean isToolComponent(KubeObject object) {
    if ("CustomResourceDefinition".equals(object.kind())
        && object.apiVersion() != null
        && object.apiVersion().startsWith("apiextensions.k8s.io/")) {
      return ARGO_GROUP.equals(object.node().at("/spec/group").asText(""));
    }
    return "argocd".equals(object.labels().get("app.kubernetes.io/part-of"))
        && !"Namespace".equals(object.kind())
        && !ARGO_API_VERSION.equals(object.apiVersion());
  }
}
