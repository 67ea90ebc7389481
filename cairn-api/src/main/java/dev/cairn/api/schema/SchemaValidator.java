package dev.cairn.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Checks an object against a CRD's {@code openAPIV3Schema} the way the API server does for the
 * structural basics: {@code type}, {@code required}, {@code enum}, {@code pattern}, {@code
 * minimum}/{@code maximum} (with the exclusive flags), {@code minLength}/{@code maxLength}, {@code
 * minItems}/{@code maxItems}, {@code items}, {@code properties}, {@code additionalProperties},
 * {@code nullable}, {@code x-kubernetes-preserve-unknown-fields}, {@code
 * x-kubernetes-int-or-string} and {@code default}.
 *
 * <p>Unknown fields are pruned and listed in {@link ValidationResult#prunedFields()} (the API
 * server's default), or reported as errors with {@link UnknownFields#REJECT} (its {@code
 * fieldValidation=Strict}). {@code apiVersion}, {@code kind} and {@code metadata} at the root are
 * always allowed. CEL rules ({@code x-kubernetes-validations}) are not evaluated.
 *
 * <p>Pure and thread-safe: the input is never modified.
 */
public final class SchemaValidator {

  /** What to do with fields the schema does not declare. */
  public enum UnknownFields {
    /** Drop them and list them, as the API server does by default. */
    PRUNE,
    /** Report each as a field error, as the API server does with {@code fieldValidation=Strict}. */
    REJECT
  }

  /**
   * @param unknownFields what to do with undeclared fields
   * @param applyDefaults whether absent fields with a {@code default} get it
   */
  public record Options(UnknownFields unknownFields, boolean applyDefaults) {

    public static Options defaults() {
      return new Options(UnknownFields.PRUNE, true);
    }

    public Options withUnknownFields(UnknownFields unknownFields) {
      return new Options(unknownFields, applyDefaults);
    }

    public Options withApplyDefaults(boolean applyDefaults) {
      return new Options(unknownFields, applyDefaults);
    }
  }

  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private final Options options;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  public SchemaValidator(Options options) {
    this.options = options;
  }

  public SchemaValidator() {
    this(Options.defaults());
  }

  /**
   * Validates {@code object} against {@code schema} (an {@code openAPIV3Schema}).
   *
   * @return the pruned and defaulted copy, the errors and the pruned field paths
   */
  public ValidationResult validate(JsonNode schema, JsonNode object) {
    Walk walk = new Walk();
    JsonNode copy = object.deepCopy();
    walk.node(schema, copy, "", true);
    return new ValidationResult(copy, walk.errors, walk.pruned);
  }

  /** The state of one validation: errors and pruned paths in document order. */
  private final class Walk {
    private final List<FieldError> errors = new ArrayList<>();
    private final List<String> pruned = new ArrayList<>();

    void node(JsonNode schema, JsonNode value, String path, boolean root) {
      if (!typeMatches(schema, value, path)) {
        return;
      }
      enumeration(schema, value, path);
      switch (value.getNodeType()) {
        case STRING -> string(schema, value.asText(), path);
        case NUMBER -> number(schema, value, path);
        case ARRAY -> array(schema, (ArrayNode) value, path);
        case OBJECT -> object(schema, (ObjectNode) value, path, root);
        default -> {}
      }
    }

    private boolean typeMatches(JsonNode schema, JsonNode value, String path) {
      String type = schema.path("type").asText("");
      if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
        return value.isIntegralNumber()
            || value.isTextual()
            || typeError(path, value, "integer or string");
      }
      if (type.isEmpty()) {
        return true;
      }
      boolean matches =
          switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" ->
                value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
          };
      return matches || typeError(path, value, type);
    }

    private boolean typeError(String path, JsonNode value, String type) {
      String actual = jsonType(value);
      errors.add(
          new FieldError(
              FieldError.Type.INVALID,
              path,
              quote(actual),
              path + " in body must be of type " + type + ": " + quote(actual)));
      return false;
    }

    private void enumeration(JsonNode schema, JsonNode value, String path) {
      JsonNode allowed = schema.get("enum");
      if (allowed == null || !allowed.isArray()) {
        return;
      }
      for (JsonNode candidate : allowed) {
        if (candidate.equals(value)) {
          return;
        }
      }
      String supported =
          StreamSupport.stream(allowed.spliterator(), false)
              .map(SchemaValidator::render)
              .collect(Collectors.joining(", "));
      errors.add(
          new FieldError(
              FieldError.Type.UNSUPPORTED, path, render(value), "supported values: " + supported));
    }

    private void string(JsonNode schema, String value, String path) {
      int length = value.codePointCount(0, value.length());
      if (schema.has("maxLength") && length > schema.get("maxLength").asLong()) {
        errors.add(
            new FieldError(
                FieldError.Type.TOO_LONG,
                path,
                null,
                "may not be longer than " + schema.get("maxLength").asLong()));
      }
      if (schema.has("minLength") && length < schema.get("minLength").asLong()) {
        errors.add(
            invalid(
                path,
                quote(value),
                "should be at least " + schema.get("minLength").asLong() + " chars long"));
      }
      if (schema.has("pattern")) {
        String regex = schema.get("pattern").asText();
        if (!patterns.computeIfAbsent(regex, Pattern::compile).matcher(value).find()) {
          errors.add(invalid(path, quote(value), "should match '" + regex + "'"));
        }
      }
    }

    private void number(JsonNode schema, JsonNode value, String path) {
      double number = value.asDouble();
      if (schema.has("minimum")) {
        double min = schema.get("minimum").asDouble();
        boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
        if (exclusive ? number <= min : number < min) {
          errors.add(
              invalid(
                  path,
                  value.asText(),
                  "should be greater than " + (exclusive ? "" : "or equal to ") + plain(min)));
        }
      }
      if (schema.has("maximum")) {
        double max = schema.get("maximum").asDouble();
        boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
        if (exclusive ? number >= max : number > max) {
          errors.add(
              invalid(
                  path,
                  value.asText(),
                  "should be less than " + (exclusive ? "" : "or equal to ") + plain(max)));
        }
      }
    }

    private void array(JsonNode schema, ArrayNode value, String path) {
      if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
        errors.add(
            new FieldError(
                FieldError.Type.TOO_MANY,
                path,
                String.valueOf(value.size()),
                "must have at most " + schema.get("maxItems").asInt() + " items"));
      }
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
        errors.add(
            invalid(
                path,
                String.valueOf(value.size()),
                "should have at least " + schema.get("minItems").asInt() + " items"));
      }
      JsonNode items = schema.get("items");
      if (items == null) {
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        node(items, value.get(i), path + "[" + i + "]", false);
      }
    }

    private void object(JsonNode schema, ObjectNode value, String path, boolean root) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.get("additionalProperties");
      boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
      if (options.applyDefaults()) {
        applyDefaults(properties, value);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        String child = path.isEmpty() ? name : path + "." + name;
        if (root && ROOT_FIELDS.contains(name)) {
          continue;
        }
        JsonNode childSchema =
            properties.has(name)
                ? properties.get(name)
                : additional != null && additional.isObject() ? additional : null;
        if (childSchema == null) {
          if (!preserve && !(additional != null && additional.asBoolean(false))) {
            unknown(it, child);
          }
          continue;
        }
        if (field.getValue().isNull() && !childSchema.path("nullable").asBoolean(false)) {
          it.remove();
          continue;
        }
        node(childSchema, field.getValue(), child, false);
      }
      for (JsonNode required : schema.path("required")) {
        String name = required.asText();
        if (!value.has(name)) {
          String child = path.isEmpty() ? name : path + "." + name;
          errors.add(new FieldError(FieldError.Type.REQUIRED, child, null, null));
        }
      }
    }

    /**
     * Defaults go in before validation, as in the API server, so defaulted objects get their own
     * nested defaults; a null of a non-nullable field counts as absent.
     */
    private void applyDefaults(JsonNode properties, ObjectNode value) {
      properties
          .properties()
          .forEach(
              p -> {
                JsonNode current = value.get(p.getKey());
                boolean absent =
                    current == null
                        || (current.isNull() && !p.getValue().path("nullable").asBoolean(false));
                if (absent && p.getValue().has("default")) {
                  value.set(p.getKey(), p.getValue().get("default").deepCopy());
                }
              });
    }

    private void unknown(Iterator<Map.Entry<String, JsonNode>> it, String path) {
      if (options.unknownFields() == UnknownFields.REJECT) {
        errors.add(
            new FieldError(
                FieldError.Type.UNKNOWN_FIELD, path, null, "field not declared in schema"));
      } else {
        it.remove();
        pruned.add(path);
      }
    }

    private FieldError invalid(String path, String badValue, String expectation) {
      return new FieldError(
          FieldError.Type.INVALID, path, badValue, path + " in body " + expectation);
    }
  }

  private static String jsonType(JsonNode value) {
    JsonNodeType type = value.getNodeType();
    return switch (type) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      case NULL -> "null";
      default -> type.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String render(JsonNode value) {
    return value.isTextual() ? quote(value.asText()) : value.toString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String plain(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }
}
