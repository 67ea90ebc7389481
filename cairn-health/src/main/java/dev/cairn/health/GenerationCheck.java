package dev.cairn.health;

import dev.cairn.manifest.KubeObject;
import java.util.Optional;

/**
 * The kstatus generation rule for every kind: when the controller reports {@code
 * status.observedGeneration} and it is behind {@code metadata.generation}, the status describes an
 * older spec, so the object is in progress whatever else the status says.
 */
final class GenerationCheck {

  private GenerationCheck() {}

  static Optional<Health> check(KubeObject object) {
    Fields f = Fields.of(object.node());
    if (!f.has("/metadata/generation") || !f.has("/status/observedGeneration")) {
      return Optional.empty();
    }
    long generation = f.integer("/metadata/generation", 0);
    long observed = f.integer("/status/observedGeneration", 0);
    if (observed >= generation) {
      return Optional.empty();
    }
    return Optional.of(
        Health.inProgress(
            object.kind()
                + " generation "
                + generation
                + " not yet observed by its controller (observed "
                + observed
                + ")"));
  }
}
