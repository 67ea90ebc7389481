package dev.cairn.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link SchemaValidator} found.
 *
 * @param object a copy of the input with unknown fields and nulls pruned and defaults applied (as
 *     the API server would store it)
 * @param errors field errors; empty when the object is valid
 * @param prunedFields paths of unknown fields that were dropped (the API server's warnings)
 */
public record ValidationResult(
    JsonNode object, List<FieldError> errors, List<String> prunedFields) {

  public ValidationResult {
    errors = List.copyOf(errors);
    prunedFields = List.copyOf(prunedFields);
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  /** The warnings the API server returns for pruned fields, e.g. {@code unknown field "spec.x"}. */
  public List<String> warnings() {
    return prunedFields.stream().map(f -> "unknown field \"" + f + "\"").toList();
  }

  /**
   * The message of the API server's 422 answer, e.g. {@code Kustomization.cairn.dev "apps" is
   * invalid: [spec.sourceRef: Required value, ...]}.
   *
   * @param kindAndGroup e.g. {@code Kustomization.cairn.dev}
   * @param name the object's name
   */
  public String message(String kindAndGroup, String name) {
    String list = errors.stream().map(FieldError::message).collect(Collectors.joining(", "));
    return kindAndGroup
        + " \""
        + name
        + "\" is invalid: "
        + (errors.size() == 1 ? list : "[" + list + "]");
  }
}
