package dev.cairn.render.substitute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlReader;
import dev.cairn.manifest.YamlWriter;
import java.util.List;
import java.util.Map;

/**
 * Flux's post-build substitution of one object: the object is written as YAML text, the text is
 * expanded, and the result is read back, so a value like {@code 3} or {@code true} put into a plain
 * scalar becomes a number or a boolean (quotes in the source file are gone by then; Flux documents
 * {@code ${quote}${var}${quote}} for strings).
 *
 * <p>Values are read back as Flux reads them (YAML 1.1): {@code yes}, {@code on}, ... are booleans
 * and plain timestamps keep their text.
 *
 * <p>Objects labelled or annotated {@code kustomize.toolkit.fluxcd.io/substitute: disabled} or
 * {@code cairn.dev/substitute: disabled} are left alone.
 */
public final class PostBuildSubstitution {
  public static final String FLUX_OPT_OUT = "kustomize.toolkit.fluxcd.io/substitute";
  public static final String CAIRN_OPT_OUT = "cairn.dev/substitute";
  public static final String DISABLED = "disabled";

  private final Map<String, String> variables;
  private final boolean strict;
  private final boolean always;

  /**
   * @param variables the merged variables ({@link SubstitutionVariables#merge})
   * @param strict fail on an unset variable without a default
   * @param always substitute even when there are no variables (Flux's {@code substituteStrategy:
   *     Always}); otherwise, as in Flux, nothing is substituted when there are none
   * @throws TemplateException when a variable name is invalid
   */
  public PostBuildSubstitution(Map<String, String> variables, boolean strict, boolean always) {
    SubstitutionVariables.validateNames(variables);
    this.variables = Map.copyOf(variables);
    this.strict = strict;
    this.always = always;
  }

  /** Whether substitution runs at all: some variables are set, or the strategy is Always. */
  public boolean active() {
    return always || !variables.isEmpty();
  }

  /** Whether the object opts out with the Flux or the Cairn label or annotation. */
  public static boolean optedOut(KubeObject object) {
    for (String key : List.of(FLUX_OPT_OUT, CAIRN_OPT_OUT)) {
      if (DISABLED.equals(object.labels().get(key))
          || DISABLED.equals(object.annotations().get(key))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The object with its variables substituted, or the object itself when substitution is inactive
   * or the object opts out.
   *
   * @param sourceName names the object in YAML errors
   * @throws TemplateException when a {@code ${...}} is malformed or (strict) a variable is unset
   * @throws ManifestException when the substituted text is not one valid YAML object
   */
  public KubeObject apply(KubeObject object, String sourceName) {
    if (!active() || optedOut(object)) {
      return object;
    }
    String yaml = YamlWriter.write(object.node());
    if (!yaml.contains("${") && !yaml.contains("$$")) {
      return object;
    }
    String expanded = ShellTemplate.parse(yaml).expand(variables, strict);
    List<KubeObject> read = YamlReader.defaults().readObjects(sourceName, expanded);
    if (read.size() != 1) {
      throw new ManifestException(
          new dev.cairn.manifest.Origin(sourceName, 0),
          "substitution turned one object into " + read.size() + " YAML documents");
    }
    ObjectNode node = read.get(0).node();
    Yaml11Scalars.apply(expanded, node);
    return KubeObject.of(node, object.origin());
  }
}
