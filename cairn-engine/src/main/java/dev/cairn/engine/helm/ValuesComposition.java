package dev.cairn.engine.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.api.helm.HelmReleaseSpec;
import dev.cairn.api.helm.ValuesReference;
import dev.cairn.api.helm.ValuesReferenceKind;
import dev.cairn.engine.ReconcileException;
import dev.cairn.render.helm.HelmValues;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A HelmRelease's user-supplied values in Flux's order: each {@code valuesFrom} entry in turn (its
 * {@code valuesKey}, {@code values.yaml} by default) merged over what came before, or, with {@code
 * targetPath}, set at that path; {@code spec.values} merged last. Where the ConfigMaps and Secrets
 * come from is the caller's: the cluster for the controller, the rendered fleet for {@code cairn
 * preview}. A missing non-optional ConfigMap, Secret or key fails ({@code ValuesError}) naming it;
 * values never appear in messages.
 */
public final class ValuesComposition {
  static final String VALUES_ERROR = "ValuesError";
  static final String DEFAULT_KEY = "values.yaml";
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** Reads the data of a ConfigMap or Secret (Secret data decoded); null when it is absent. */
  @FunctionalInterface
  public interface Lookup {
    Map<String, String> data(ValuesReferenceKind kind, String namespace, String name);
  }

  private ValuesComposition() {}

  /**
   * The composed values of {@code spec} for a HelmRelease in {@code namespace}.
   *
   * @throws ReconcileException.Failed or {@code Stalled} naming the reference that cannot be used
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> compose(String namespace, HelmReleaseSpec spec, Lookup lookup) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (spec.valuesFrom() != null) {
      for (ValuesReference ref : spec.valuesFrom()) {
        result = apply(namespace, ref, result, lookup);
      }
    }
    if (spec.values() != null && spec.values().isObject()) {
      Map<String, Object> inline = JSON.convertValue(spec.values(), Map.class);
      result = HelmValues.merge(result, inline);
    }
    return result;
  }

  private static Map<String, Object> apply(
      String namespace, ValuesReference ref, Map<String, Object> result, Lookup lookup) {
    String key =
        ref.valuesKey() == null || ref.valuesKey().isEmpty() ? DEFAULT_KEY : ref.valuesKey();
    String described = ref.kind() + " '" + namespace + "/" + ref.name() + "'";
    boolean optional = Boolean.TRUE.equals(ref.optional());
    Map<String, String> data = lookup.data(ref.kind(), namespace, ref.name());
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
}
