package dev.cairn.render.gotemplate;

import java.util.Map;

/** Renders Go templates (Go's {@code text/template} with Sprig's functions). */
public interface GoTemplateEngine {
  /**
   * Renders each named template (Go text/template + Sprig as Helm provides them, without {@code
   * env}/{@code expandenv}) against data (a JSON-like tree: {@code Map<String,Object>}/{@code
   * List}/{@code String}/{@code Number}/{@code Boolean}/{@code null}) and returns the outputs by
   * the same names, in the order of {@code templates}' iteration.
   *
   * @throws GoTemplateException when a template does not parse or fails to execute; the message
   *     names the template and Go's position in it
   */
  Map<String, String> render(
      Map<String, String> templates, Map<String, Object> data, GoTemplateOptions options)
      throws GoTemplateException;

  /** The engine built on Helm's template engine; thread-safe. */
  static GoTemplateEngine defaults() {
    return HelmGoTemplateEngine.INSTANCE;
  }
}
