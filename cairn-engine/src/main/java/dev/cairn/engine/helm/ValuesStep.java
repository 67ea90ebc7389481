package dev.cairn.engine.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.api.helm.ValuesReferenceKind;
import dev.cairn.engine.SecretData;
import dev.cairn.engine.StepResult;
import dev.cairn.render.helm.HelmRender;
import dev.cairn.render.helm.HelmValues;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * Step {@code composeValues}: Flux's order. Each {@code valuesFrom} entry in turn (its {@code
 * valuesKey}, {@code values.yaml} by default) is merged over what came before, or, with {@code
 * targetPath}, set at that path; {@code spec.values} is merged last. The chart's own defaults are
 * merged under all of this by Helm. With {@code upgrade.preserveValues} all of it is merged over
 * the values of the newest deployed revision. A missing non-optional ConfigMap, Secret or key fails
 * the run ({@code ValuesError}) naming it; values never appear in messages.
 */
final class ValuesStep {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final KubernetesClient client;

  ValuesStep(KubernetesClient client) {
    this.client = client;
  }

  StepResult composeValues(HelmReleaseRun run) {
    Map<String, Object> result =
        ValuesComposition.compose(run.key().namespace(), run.spec(), this::read);
    result = preserved(run, result);
    run.values(result, digest(result));
    run.status().setLastAttemptedConfigDigest(run.configDigest());
    run.status().setLastAttemptedValuesChecksum(run.configDigest());
    return StepResult.proceed();
  }

  /**
   * {@code upgrade.preserveValues} (Helm's {@code --reuse-values}): the values of the newest
   * deployed revision, with the composed values merged over them. Nothing deployed yet: as
   * composed.
   */
  private static Map<String, Object> preserved(HelmReleaseRun run, Map<String, Object> composed) {
    if (run.spec().upgrade() == null
        || !Boolean.TRUE.equals(run.spec().upgrade().preserveValues())) {
      return composed;
    }
    Map<String, Object> last = null;
    for (ReleaseRecord r : run.storage().history(run.storageNamespace(), run.releaseName())) {
      if (ReleaseRecord.DEPLOYED.equals(r.status())) {
        last = r.config();
      }
    }
    return last == null ? composed : HelmValues.merge(last, composed);
  }

  /** {@code sha256:<hex>} of the values as JSON with sorted keys. */
  static String digest(Map<String, Object> values) {
    try {
      return HelmRender.digest(JSON.writeValueAsString(values));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("values cannot be written as JSON", e);
    }
  }

  private Map<String, String> read(ValuesReferenceKind kind, String namespace, String name) {
    if (kind == ValuesReferenceKind.ConfigMap) {
      ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
      return map == null ? null : map.getData() == null ? Map.of() : map.getData();
    }
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      return null;
    }
    return SecretData.of(secret);
  }
}
