package dev.cairn.engine;

import java.util.Objects;

/**
 * A condition a step owns and recorded (e.g. {@code Healthy} by the health step). The summarizer
 * copies it into the status; {@code status == null} means the step asks for the condition to be
 * removed.
 */
public record OwnedCondition(String type, String status, String reason, String message) {
  public OwnedCondition {
    Objects.requireNonNull(type, "type");
    message = message == null ? "" : message;
  }

  public static OwnedCondition isTrue(String type, String reason, String message) {
    return new OwnedCondition(type, "True", reason, message);
  }

  public static OwnedCondition isFalse(String type, String reason, String message) {
    return new OwnedCondition(type, "False", reason, message);
  }

  public static OwnedCondition removed(String type) {
    return new OwnedCondition(type, null, null, null);
  }
}
