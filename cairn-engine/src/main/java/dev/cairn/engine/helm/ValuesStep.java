package dev.cairn.engine.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.api.helm.ValuesReference;
import dev.cairn.api.helm.ValuesReferenceKind;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.SecretData;
import dev.cairn.engine.StepResult;
import dev.cairn.render.helm.HelmRender;
import dev.cairn.render.helm.HelmValues;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Step {@code composeValues}: Flux's order. Each {@code valuesFrom} entry in turn (its {@code
 * valuesKey}, {@code values.yaml} by default) is merged over what came before, or, with {@code
 * targetPath}, set at that path; {@code spec.values} is merged last. The chart's own defaults are
 * merged under all of this by Helm. With {@code upgrade.preserveValues} all of it is merged over
 * the values of the newest deployed revision. A missing non-optional ConfigMap, Secret or key fails
 * the run ({@code ValuesError}) naming it; values never appear in messages.
 */
final class ValuesStep {
  static final String VALUES_ERROR = "ValuesError";
  static final String DEFAULT_KEY = "values.yaml";
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final KubernetesClient client;

  ValuesStep(KubernetesClient client) {
    this.client = client;
  }

  StepResult composeValues(HelmReleaseRun run) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (run.spec().valuesFrom() != null) {
      for (ValuesReference ref : run.spec().valuesFrom()) {
        result = apply(run.key().namespace(), ref, result);
      }
    }
    if (run.spec().values() != null && run.spec().values().isObject()) {
      Map<String, Object> inline = JSON.convertValue(run.spec().values(), Map.class);
      result = HelmValues.merge(result, inline);
    }
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

  private Map<String, Object> apply(
      String namespace, ValuesReference ref, Map<String, Object> result) {
    String key =
        ref.valuesKey() == null || ref.valuesKey().isEmpty() ? DEFAULT_KEY : ref.valuesKey();
    String described = ref.kind() + " '" + namespace + "/" + ref.name() + "'";
    boolean optional = Boolean.TRUE.equals(ref.optional());
    Map<String, String> data = read(namespace, ref);
    if (data == null) {
      if (optional) {
        return result;
      }
      throw new ReconcileException.Failed(
          VALUES_ERROR, "could not find " + described + " referenced in valuesFrom");
    }
    String text = data.get(key);
    if (text == null) {
      if (optional) {
        return result;
      }
      throw new ReconcileException.Failed(
          VALUES_ERROR, "missing key '" + key + "' in " + described + " referenced in valuesFrom");
    }
    if (ref.targetPath() != null && !ref.targetPath().isEmpty()) {
      Map<String, Object> copy = HelmValues.merge(result, Map.of());
      try {
        HelmValues.setPath(copy, ref.targetPath(), text, Boolean.TRUE.equals(ref.literal()));
      } catch (IllegalArgumentException e) {
        throw new ReconcileException.Stalled(
            VALUES_ERROR, "valuesFrom " + described + ": " + e.getMessage());
      }
      return copy;
    }
    return HelmValues.merge(result, parse(text, key, described));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String text, String key, String described) {
    Object doc;
    try {
      doc = new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (RuntimeException e) {
      // The parser's message may quote the text; name only the key and the object.
      throw new ReconcileException.Failed(
          VALUES_ERROR, "key '" + key + "' in " + described + " is not valid YAML");
    }
    if (doc == null) {
      return Map.of();
    }
    if (!(doc instanceof Map<?, ?> map)) {
      throw new ReconcileException.Failed(
          VALUES_ERROR, "key '" + key + "' in " + described + " is not a YAML map");
    }
    return JSON.convertValue(map, Map.class);
  }

  private Map<String, String> read(String namespace, ValuesReference ref) {
    if (ref.kind() == ValuesReferenceKind.ConfigMap) {
      ConfigMap map = client.configMaps().inNamespace(namespace).withName(ref.name()).get();
      return map == null ? null : map.getData() == null ? Map.of() : map.getData();
    }
    Secret secret = client.secrets().inNamespace(namespace).withName(ref.name()).get();
    if (secret == null) {
      return null;
    }
    return SecretData.of(secret);
  }
}
