package dev.cairn.engine.image;

import dev.cairn.api.image.ImagePolicy;
import dev.cairn.api.image.ImageRef;
import dev.cairn.image.setters.PolicyPick;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ImagePolicies of the automation's namespace that {@code spec.policySelector} selects (all
 * when absent) and that have picked a tag, as setter marker names {@code namespace:name}.
 */
final class PolicyPicks {
  private final KubernetesClient client;

  PolicyPicks(KubernetesClient client) {
    this.client = client;
  }

  /**
   * @param picks by marker name {@code namespace:name}
   * @param observed by policy name, for {@code status.observedPolicies}
   */
  record Collected(Map<String, PolicyPick> picks, Map<String, ImageRef> observed) {}

  Collected collect(String namespace, LabelSelector selector) {
    var policies = client.resources(ImagePolicy.class).inNamespace(namespace);
    List<ImagePolicy> items =
        (selector == null ? policies.list() : policies.withLabelSelector(selector).list())
            .getItems();
    Map<String, PolicyPick> picks = new TreeMap<>();
    Map<String, ImageRef> observed = new TreeMap<>();
    for (ImagePolicy policy : items) {
      ImageRef latest = policy.getStatus() == null ? null : policy.getStatus().getLatestRef();
      if (latest == null || latest.tag() == null) {
        continue;
      }
      picks.put(
          namespace + ":" + policy.getMetadata().getName(),
          new PolicyPick(latest.name(), latest.tag(), latest.digest()));
      observed.put(policy.getMetadata().getName(), latest);
    }
    return new Collected(picks, observed);
  }
}
