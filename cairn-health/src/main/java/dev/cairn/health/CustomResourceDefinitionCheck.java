package dev.cairn.health;

import dev.cairn.manifest.KubeObject;

/**
 * apiextensions.k8s.io/CustomResourceDefinition, after kstatus: NamesAccepted=False fails
 * (conflicting names), Established=True is Current, Established=False with any reason but
 * Installing fails, anything else is still installing.
 */
final class CustomResourceDefinitionCheck implements HealthCheck {

  @Override
  public Health check(KubeObject object) {
    for (Condition c : Condition.of(object.node())) {
      if (c.type().equals("NamesAccepted") && c.isFalse()) {
        return Health.failed(Messages.join("CRD names not accepted", c.describe()));
      }
      if (c.type().equals("Established")) {
        if (c.isTrue()) {
          return Health.current("CRD is established");
        }
        if (c.isFalse() && !c.reason().equals("Installing")) {
          return Health.failed(Messages.join("CRD not established", c.describe()));
        }
      }
    }
    return Health.inProgress("CRD is being installed (not yet Established)");
  }
}
