package dev.cairn.render.helm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Helm values as plain maps: a deep merge (maps merge key by key, anything else is replaced by the
 * later layer, as Helm's {@code MergeMaps}) and {@link #setPath} for Helm's {@code --set} path
 * syntax ({@code a.b}, {@code list[0].c}, {@code a\.b} for a dot inside a key).
 */
public final class HelmValues {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern INDEX = Pattern.compile("(.*)\\[([0-9]+)]");

  private HelmValues() {}

  /** {@code base} with {@code overlay} merged over it; neither argument is changed. */
  public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
    Map<String, Object> out = copy(base);
    for (Map.Entry<String, Object> e : overlay.entrySet()) {
      Object existing = out.get(e.getKey());
      if (existing instanceof Map<?, ?> left && e.getValue() instanceof Map<?, ?> right) {
        out.put(e.getKey(), merge(cast(left), cast(right)));
      } else {
        out.put(e.getKey(), copyValue(e.getValue()));
      }
    }
    return out;
  }

  /** Merges the layers in order: a later layer wins. */
  public static Map<String, Object> mergeAll(List<Map<String, Object>> layers) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map<String, Object> layer : layers) {
      out = merge(out, layer);
    }
    return out;
  }

  /**
   * Sets {@code value} at {@code path} in {@code values} (changed in place). With {@code literal}
   * false the text is typed as {@code --set} types it: {@code true}/{@code false} become booleans,
   * integers numbers, {@code null} a null; with {@code literal} true it stays text ({@code
   * --set-literal}).
   *
   * @throws IllegalArgumentException when the path is malformed, naming it
   */
  public static void setPath(
      Map<String, Object> values, String path, String value, boolean literal) {
    List<String> keys = split(path);
    Object typed = literal ? value : typed(value);
    Object current = values;
    for (int i = 0; i < keys.size(); i++) {
      boolean last = i == keys.size() - 1;
      current = step(current, keys.get(i), last, typed, path);
    }
  }

  private static Object step(
      Object container, String key, boolean last, Object value, String path) {
    var indexed = INDEX.matcher(key);
    Map<String, Object> map = cast((Map<?, ?>) container);
    if (!indexed.matches()) {
      if (key.isEmpty()) {
        throw new IllegalArgumentException("targetPath '" + path + "' has an empty key");
      }
      if (last) {
        map.put(key, value);
        return null;
      }
      Object next = map.get(key);
      if (!(next instanceof Map<?, ?>)) {
        next = new LinkedHashMap<String, Object>();
        map.put(key, next);
      }
      return next;
    }
    String name = indexed.group(1);
    int index = Integer.parseInt(indexed.group(2));
    if (name.isEmpty()) {
      throw new IllegalArgumentException("targetPath '" + path + "' indexes a list without a key");
    }
    Object existing = map.get(name);
    List<Object> list =
        existing instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<Object>();
    while (list.size() <= index) {
      list.add(null);
    }
    map.put(name, list);
    if (last) {
      list.set(index, value);
      return null;
    }
    Object next = list.get(index);
    if (!(next instanceof Map<?, ?>)) {
      next = new LinkedHashMap<String, Object>();
      list.set(index, next);
    }
    return next;
  }

  static List<String> split(String path) {
    List<String> keys = new ArrayList<>();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length()) {
        key.append(path.charAt(++i));
      } else if (c == '.') {
        keys.add(key.toString());
        key.setLength(0);
      } else {
        key.append(c);
      }
    }
    keys.add(key.toString());
    if (path.isEmpty()) {
      throw new IllegalArgumentException("targetPath is empty");
    }
    return keys;
  }

  private static Object typed(String value) {
    if ("true".equals(value)) {
      return Boolean.TRUE;
    }
    if ("false".equals(value)) {
      return Boolean.FALSE;
    }
    if ("null".equals(value)) {
      return null;
    }
    if (INTEGER.matcher(value).matches() && !(value.length() > 1 && value.startsWith("0"))) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        return value;
      }
    }
    return value;
  }

  private static Map<String, Object> copy(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, copyValue(v)));
    return out;
  }

  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> m) {
      return copy(cast(m));
    }
    if (value instanceof List<?> l) {
      return new ArrayList<>(l.stream().map(HelmValues::copyValue).toList());
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
