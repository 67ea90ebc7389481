package dev.cairn.render.gotemplate;

/** A template that does not parse or fails to execute; the message names the template. */
public final class GoTemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String template;

  public GoTemplateException(String template, String message) {
    super(message);
    this.template = template;
  }

  /** The name of the failing template, or null when the failure is not one template's. */
  public String template() {
    return template;
  }
}
