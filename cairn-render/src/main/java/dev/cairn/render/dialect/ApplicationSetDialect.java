package dev.cairn.render.dialect;

import dev.cairn.api.CairnApi;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.manifest.KubeObject;
import java.util.Optional;

/**
 * Argo CD's {@code argoproj.io/v1alpha1} ApplicationSet becomes Cairn's {@code cairn.dev/v1} one by
 * changing only its apiVersion: every field keeps Argo CD's name and meaning. The Applications a
 * set generates are translated where they are made, by the set's reconciler.
 */
public final class ApplicationSetDialect implements Dialect {

  @Override
  public String name() {
    return "argocd-applicationset";
  }

  @Override
  public Optional<KubeObject> translate(KubeObject object) {
    if (!ApplicationSet.ARGO_API_VERSION.equals(object.apiVersion())
        || !"ApplicationSet".equals(object.kind())) {
      return Optional.empty();
    }
    KubeObject copy = object.deepCopy();
    copy.node().put("apiVersion", CairnApi.API_VERSION);
    return Optional.of(copy);
  }
}
