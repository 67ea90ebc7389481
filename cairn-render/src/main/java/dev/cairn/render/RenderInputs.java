package dev.cairn.render;

import dev.cairn.render.substitute.SubstitutionVariables;
import dev.cairn.secrets.sops.SopsKeys;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What rendering needs from outside the artifact, already read by the caller (rendering does no
 * cluster I/O).
 *
 * @param variables the {@code postBuild.substituteFrom} variables, merged in spec order (see {@link
 *     #fromSources}); the spec's inline {@code substitute} map is laid over them by the renderer
 * @param decryptionKeys the keys of {@code spec.decryption.secretRef} (null: none read)
 */
public record RenderInputs(Map<String, String> variables, SopsKeys decryptionKeys) {

  public RenderInputs {
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }

  public RenderInputs(Map<String, String> variables) {
    this(variables, null);
  }

  public static RenderInputs none() {
    return new RenderInputs(Map.of());
  }

  /**
   * Inputs from the data of each {@code substituteFrom} ConfigMap or Secret, in spec order: a later
   * source overrides an earlier one (Flux's order). Leave out optional sources that are absent.
   */
  public static RenderInputs fromSources(List<Map<String, String>> sources) {
    return new RenderInputs(SubstitutionVariables.merge(sources, null));
  }

  public RenderInputs withVariables(Map<String, String> value) {
    return new RenderInputs(value, decryptionKeys);
  }

  public RenderInputs withDecryptionKeys(SopsKeys keys) {
    return new RenderInputs(variables, keys);
  }

  /** Names only: values may be secrets. */
  @Override
  public String toString() {
    return "RenderInputs[variables="
        + new TreeSet<>(variables.keySet())
        + (decryptionKeys == null ? "" : ", decryptionKeys=" + decryptionKeys)
        + "]";
  }
}
