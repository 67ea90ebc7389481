package dev.cairn.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One entry of {@code status.conditions}. Missing fields read as empty strings. */
public record Condition(String type, String status, String reason, String message) {

  public boolean isTrue() {
    return "True".equals(status);
  }

  public boolean isFalse() {
    return "False".equals(status);
  }

  /** {@code reason: message}, or whichever of the two is present. */
  public String describe() {
    if (reason.isEmpty()) {
      return message;
    }
    return message.isEmpty() ? reason : reason + ": " + message;
  }

  /** The conditions of an object, in the order they appear; empty when there are none. */
  public static List<Condition> of(JsonNode object) {
    JsonNode conditions = object.path("status").path("conditions");
    List<Condition> result = new ArrayList<>();
    if (!conditions.isArray()) {
      return result;
    }
    for (JsonNode c : conditions) {
      if (c.isObject()) {
        result.add(
            new Condition(
                c.path("type").asText(""),
                c.path("status").asText(""),
                c.path("reason").asText(""),
                c.path("message").asText("")));
      }
    }
    return result;
  }

  /** The first condition of the given type. */
  public static Optional<Condition> find(JsonNode object, String type) {
    return of(object).stream().filter(c -> c.type().equals(type)).findFirst();
  }
}
