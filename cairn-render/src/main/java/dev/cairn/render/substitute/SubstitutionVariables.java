package dev.cairn.render.substitute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The variables of a post-build substitution, merged as Flux merges them: the {@code
 * substituteFrom} sources in their order (a later ConfigMap or Secret overrides an earlier one),
 * then the inline {@code substitute} map over all of them. Line breaks are removed from every
 * value, as Flux does.
 */
public final class SubstitutionVariables {
  /** Flux's rule for variable names: {@code ^[_[:alpha:]][_[:alpha:][:digit:]]*$} (ASCII). */
  public static final Pattern NAME = Pattern.compile("^[_A-Za-z][_A-Za-z0-9]*$");

  private SubstitutionVariables() {}

  /**
   * Merges the variables.
   *
   * @param sources the data of each {@code substituteFrom} entry, in spec order (absent optional
   *     ones left out by the caller)
   * @param inline the {@code postBuild.substitute} map, or null
   */
  public static Map<String, String> merge(
      List<Map<String, String>> sources, Map<String, String> inline) {
    Map<String, String> merged = new LinkedHashMap<>();
    for (Map<String, String> source : sources) {
      putAll(merged, source);
    }
    putAll(merged, inline);
    return merged;
  }

  /**
   * Checks every name against {@link #NAME}.
   *
   * @throws TemplateException naming the first invalid variable (never its value)
   */
  public static void validateNames(Map<String, String> variables) {
    for (String name : variables.keySet()) {
      if (!NAME.matcher(name).matches()) {
        throw TemplateException.invalidName(name, NAME.pattern());
      }
    }
  }

  private static void putAll(Map<String, String> into, Map<String, String> values) {
    if (values == null) {
      return;
    }
    values.forEach((k, v) -> into.put(k, v == null ? "" : v.replace("\n", "")));
  }
}
