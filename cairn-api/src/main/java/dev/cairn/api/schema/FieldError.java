package dev.cairn.api.schema;

import java.util.Objects;

/**
 * One validation failure, shaped like Kubernetes' {@code field.Error}: the field path, the kind of
 * failure, the offending value (already rendered, or null) and a detail.
 *
 * @param type the kind of failure
 * @param field the field path, e.g. {@code spec.healthChecks[0].kind}
 * @param badValue the rendered value ({@code "5x"}, {@code 3}), or null when there is none
 * @param detail what was expected, or null
 */
public record FieldError(Type type, String field, String badValue, String detail) {

  /** Kubernetes' error types, with the words it prints for them. */
  public enum Type {
    REQUIRED("Required value"),
    INVALID("Invalid value"),
    UNSUPPORTED("Unsupported value"),
    TOO_LONG("Too long"),
    TOO_MANY("Too many"),
    UNKNOWN_FIELD("Unknown field");

    private final String words;

    Type(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  public FieldError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(field, "field");
  }

  /**
   * The message as the API server prints it, e.g. {@code spec.interval: Invalid value: "5x":
   * spec.interval in body should match '^...$'} or {@code spec.sourceRef: Required value}.
   */
  public String message() {
    StringBuilder out = new StringBuilder(field).append(": ").append(type.words());
    if (badValue != null) {
      out.append(": ").append(badValue);
    }
    if (detail != null) {
      out.append(": ").append(detail);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
