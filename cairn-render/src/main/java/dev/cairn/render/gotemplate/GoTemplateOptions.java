package dev.cairn.render.gotemplate;

/**
 * How templates are executed.
 *
 * @param missingKeyError a key missing from a map of the data fails the template (Go's {@code
 *     missingkey=error}); when false it prints {@code <no value>} as Go's default does
 */
public record GoTemplateOptions(boolean missingKeyError) {
  /** Go's default: a missing key prints {@code <no value>}. */
  public static GoTemplateOptions defaults() {
    return new GoTemplateOptions(false);
  }

  public GoTemplateOptions withMissingKeyError(boolean missingKeyError) {
    return new GoTemplateOptions(missingKeyError);
  }
}
