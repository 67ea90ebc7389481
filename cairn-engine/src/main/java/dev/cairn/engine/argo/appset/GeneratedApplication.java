package dev.cairn.engine.argo.appset;

import dev.cairn.manifest.KubeObject;
import java.util.Map;

/**
 * One Application a set generates, with the parameter set that rendered it and the generator that
 * gave it (for messages), and its sync wave (0 unless the template sets {@code
 * argocd.argoproj.io/sync-wave}).
 */
public record GeneratedApplication(
    KubeObject application, Map<String, Object> params, String generator, int wave) {

  public String name() {
    return application.name();
  }
}
