package dev.cairn.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.patch.PatchSchema.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges a list whose elements are identified by several keys ({@code x-kubernetes-list-map-keys},
 * e.g. container ports by containerPort and protocol) the way kustomize v5.5.0's associative-list
 * walk does: key tuples of patch and target elements are collected (a missing key is blank), tuples
 * that agree wherever both are set are unified, each tuple merges the elements it finds, then the
 * target's elements are moved behind the patch's new ones. One consequence kustomize has and this
 * keeps: a patch element that differs from a target element only by a key one of them leaves out is
 * dropped.
 */
final class MultiKeyMerge {
  private final List<String> keys;
  private final Field field;

  private MultiKeyMerge(Field field) {
    this.field = field;
    List<String> all = new ArrayList<>();
    all.add(field.key());
    all.addAll(field.extraKeys());
    this.keys = List.copyOf(all);
  }

  static ArrayNode merge(ArrayNode target, ArrayNode patch, Field field) {
    return new MultiKeyMerge(field).run(target, patch);
  }

  private ArrayNode run(ArrayNode target, ArrayNode patch) {
    List<JsonNode> dest = new ArrayList<>();
    target.forEach(dest::add);
    List<List<String>> tuples = new ArrayList<>();
    addTuples(tuples, patch);
    addTuples(tuples, target);
    unify(tuples);
    List<JsonNode> added = new ArrayList<>();
    List<String> validKeys = keys;
    for (List<String> tuple : tuples) {
      validKeys = new ArrayList<>();
      List<String> validValues = new ArrayList<>();
      valid(tuples, tuple, validKeys, validValues);
      JsonNode merged = mergeElement(dest, patch, validKeys, validValues);
      if (merged == null || (merged.isObject() && merged.isEmpty())) {
        set(dest, null, validKeys, validValues);
        continue;
      }
      for (int i = 0; i < validKeys.size(); i++) {
        if (merged instanceof ObjectNode o
            && !o.has(validKeys.get(i))
            && !validValues.get(i).isEmpty()) {
          o.put(validKeys.get(i), validValues.get(i));
        }
      }
      set(added, merged, validKeys, validValues);
    }
    if (tuples.isEmpty()) {
      return target;
    }
    for (JsonNode element : dest) {
      List<String> values = new ArrayList<>();
      for (String key : validKeys) {
        JsonNode v = element.get(key);
        if (v == null || v.isNull()) {
          added.add(element);
        } else {
          values.add(v.asText());
        }
      }
      set(added, null, validKeys, values);
      set(added, element, validKeys, values);
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    added.forEach(out::add);
    return out;
  }

  private JsonNode mergeElement(
      List<JsonNode> dest, ArrayNode patch, List<String> validKeys, List<String> validValues) {
    List<String> lookupKeys = new ArrayList<>();
    List<String> lookupValues = new ArrayList<>();
    valid(List.of(validValues), validValues, validKeys, lookupKeys, lookupValues);
    JsonNode existing = find(dest, lookupKeys, lookupValues);
    List<JsonNode> patchElements = new ArrayList<>();
    patch.forEach(patchElements::add);
    JsonNode change = find(patchElements, lookupKeys, lookupValues);
    if (change == null) {
      return existing;
    }
    if (existing instanceof ObjectNode o && change instanceof ObjectNode p) {
      return StrategicMerge.mergeMap(o, p, field.type());
    }
    return StrategicMerge.clean(change);
  }

  private void addTuples(List<List<String>> tuples, ArrayNode list) {
    for (JsonNode element : list) {
      List<String> tuple = new ArrayList<>();
      for (String key : keys) {
        JsonNode v = element.get(key);
        tuple.add(v == null || v.isNull() || v.isContainerNode() ? "" : v.asText());
      }
      if (!tuples.contains(tuple)) {
        tuples.add(tuple);
      }
    }
  }

  /** Tuples that share a value and never disagree where both are set become one. */
  private static void unify(List<List<String>> tuples) {
    for (int i = 0; i < tuples.size(); i++) {
      for (int j = 0; j < tuples.size(); j++) {
        List<String> merged = unified(tuples.get(i), tuples.get(j));
        if (merged != null) {
          tuples.set(i, merged);
          tuples.set(j, merged);
        }
      }
    }
  }

  private static List<String> unified(List<String> a, List<String> b) {
    boolean common = false;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      if (x.equals(y)) {
        common = true;
        out.add(x);
      } else if (!x.isEmpty() && !y.isEmpty()) {
        return null;
      } else {
        out.add(x.isEmpty() ? y : x);
      }
    }
    return common ? out : null;
  }

  private void valid(
      List<List<String>> all, List<String> tuple, List<String> outKeys, List<String> outValues) {
    valid(all, tuple, keys, outKeys, outValues);
  }

  /** The keys some tuple sets (all keys when none does) and this tuple's values for them. */
  private static void valid(
      List<List<String>> all,
      List<String> tuple,
      List<String> keys,
      List<String> outKeys,
      List<String> outValues) {
    boolean[] set = new boolean[keys.size()];
    boolean any = false;
    for (List<String> t : all) {
      for (int i = 0; i < t.size(); i++) {
        if (!t.get(i).isEmpty()) {
          set[i] = true;
          any = true;
        }
      }
    }
    for (int i = 0; i < keys.size(); i++) {
      if (!any || set[i]) {
        outKeys.add(keys.get(i));
        outValues.add(tuple.get(i));
      }
    }
  }

  private static JsonNode find(List<JsonNode> list, List<String> keys, List<String> values) {
    for (JsonNode element : list) {
      if (!element.isObject()) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < keys.size(); i++) {
        JsonNode v = element.get(keys.get(i));
        if (v == null || v.isNull() || !v.asText().equals(values.get(i))) {
          all = false;
          break;
        }
      }
      if (all) {
        return element;
      }
    }
    return null;
  }

  /**
   * Kustomize's element setter: elements matching the values (a blank value matches any present
   * field; values beyond the given ones are not checked) are replaced by {@code element}, or
   * removed when it is null; empty elements disappear; {@code element} is appended when nothing
   * matched.
   */
  private static void set(
      List<JsonNode> list, JsonNode element, List<String> keys, List<String> values) {
    List<JsonNode> out = new ArrayList<>();
    boolean found = false;
    for (JsonNode e : list) {
      if (e == null || e.isNull() || (e.isObject() && e.isEmpty())) {
        continue;
      }
      if (!e.isObject()) {
        out.add(e);
        continue;
      }
      if (!matches(e, keys, values)) {
        if (!values.isEmpty()) {
          out.add(e);
        }
        continue;
      }
      found = true;
      if (element != null) {
        out.add(element);
      }
    }
    list.clear();
    list.addAll(out);
    if (element != null && !found) {
      list.add(element);
    }
  }

  private static boolean matches(JsonNode e, List<String> keys, List<String> values) {
    if (values.isEmpty()) {
      return false;
    }
    for (int j = 0; j < keys.size() && j < values.size(); j++) {
      JsonNode v = e.get(keys.get(j));
      if (v == null || (!values.get(j).isEmpty() && !v.asText().equals(values.get(j)))) {
        return false;
      }
    }
    return true;
  }
}
