package dev.cairn.engine.kustomize;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.kustomize.PostBuild;
import dev.cairn.api.kustomize.SubstituteKind;
import dev.cairn.api.kustomize.SubstituteReference;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.SecretData;
import dev.cairn.render.RenderInputs;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code postBuild.substituteFrom} ConfigMaps and Secrets (in the Kustomization's
 * namespace, in spec order). An absent source fails the run unless it is {@code optional}. Values
 * never reach messages. Also used by {@code cairn diff}/{@code cairn build kustomization}, so they
 * substitute exactly as the controller does.
 */
public final class SubstitutionSources {
  private final KubernetesClient client;

  public SubstitutionSources(KubernetesClient client) {
    this.client = client;
  }

  /** The substitution inputs of {@code postBuild}; fails when a required source is absent. */
  public RenderInputs read(String namespace, PostBuild postBuild) {
    if (postBuild == null || postBuild.substituteFrom() == null) {
      return RenderInputs.none();
    }
    List<Map<String, String>> sources = new ArrayList<>();
    for (SubstituteReference ref : postBuild.substituteFrom()) {
      Map<String, String> data = readOne(namespace, ref);
      if (data == null) {
        if (Boolean.TRUE.equals(ref.optional())) {
          continue;
        }
        throw failure(namespace, ref, "not found");
      }
      sources.add(data);
    }
    return RenderInputs.fromSources(sources);
  }

  private Map<String, String> readOne(String namespace, SubstituteReference ref) {
    try {
      if (ref.kind() == SubstituteKind.ConfigMap) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(ref.name()).get();
        if (map == null) {
          return null;
        }
        return map.getData() == null ? Map.of() : map.getData();
      }
      Secret secret = client.secrets().inNamespace(namespace).withName(ref.name()).get();
      if (secret == null) {
        return null;
      }
      Map<String, String> decoded = SecretData.of(secret);
      return decoded;
    } catch (KubernetesClientException e) {
      throw failure(namespace, ref, e.getMessage());
    }
  }

  private static ReconcileException.Failed failure(
      String namespace, SubstituteReference ref, String detail) {
    return new ReconcileException.Failed(
        ConditionReasons.BUILD_FAILED,
        "substitute from '"
            + ref.kind()
            + "/"
            + namespace
            + "/"
            + ref.name()
            + "' error: "
            + detail);
  }
}
