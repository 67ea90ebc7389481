package dev.cairn.engine.helm;

import dev.cairn.api.CommonMetadata;
import dev.cairn.manifest.KubeObject;
import java.util.function.Predicate;

/**
 * How a rendered chart object becomes the release's: namespaced objects without a namespace get the
 * target namespace (as Helm's install does), every object gets Helm's ownership metadata and the
 * HelmRelease's {@code commonMetadata}. Used by the controller's render step and by {@code cairn
 * preview}, so both mark objects the same way.
 */
public final class ReleaseMetadata {
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String RELEASE_NAME = "meta.helm.sh/release-name";
  static final String RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";

  private ReleaseMetadata() {}

  /** A marked copy of {@code original}; {@code namespaced} says whether its kind is namespaced. */
  public static KubeObject own(
      KubeObject original,
      String releaseName,
      String targetNamespace,
      CommonMetadata common,
      Predicate<KubeObject> namespaced) {
    KubeObject object = original.deepCopy();
    if (object.namespace() == null && namespaced.test(object)) {
      object.setNamespace(targetNamespace);
    }
    object.setLabel(MANAGED_BY, "Helm");
    object.setAnnotation(RELEASE_NAME, releaseName);
    object.setAnnotation(RELEASE_NAMESPACE, targetNamespace);
    if (common != null) {
      if (common.labels() != null) {
        common.labels().forEach(object::setLabel);
      }
      if (common.annotations() != null) {
        common.annotations().forEach(object::setAnnotation);
      }
    }
    return object;
  }
}
