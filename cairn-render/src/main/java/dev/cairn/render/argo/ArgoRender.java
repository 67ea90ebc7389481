package dev.cairn.render.argo;

import dev.cairn.manifest.KubeObject;
import java.util.List;

/**
 * What one source rendered to.
 *
 * @param sourceType {@code Helm}, {@code Kustomize} or {@code Directory}, as Argo CD names it
 * @param objects the objects, Helm hooks included (they keep their {@code helm.sh/hook}
 *     annotations; the sync plan maps them as Argo CD does)
 */
public record ArgoRender(String sourceType, List<KubeObject> objects) {
  public ArgoRender {
    objects = List.copyOf(objects);
  }
}
