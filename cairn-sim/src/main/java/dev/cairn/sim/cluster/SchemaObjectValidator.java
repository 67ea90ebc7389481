package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.schema.FieldError;
import dev.cairn.api.schema.SchemaValidator;
import dev.cairn.api.schema.ValidationResult;
import java.util.List;

/**
 * Validates custom resources against their CRD's OpenAPI v3 schema with cairn-api's {@link
 * SchemaValidator} (types, required fields, enums, patterns, bounds), the way a real API server
 * answers 422 Invalid; {@link #check} also returns the object pruned of undeclared fields and with
 * the schema's defaults, as the API server stores it. The simulated cluster uses it unless told
 * otherwise.
 */
public final class SchemaObjectValidator implements ObjectValidator {

  private final SchemaValidator validator = new SchemaValidator();

  @Override
  public Checked check(String apiVersion, String kind, JsonNode openApiV3Schema, JsonNode object) {
    ValidationResult result = validator.validate(openApiV3Schema, object);
    return new Checked(
        result.errors().stream().map(FieldError::message).toList(),
        result.object(),
        result.prunedFields());
  }

  @Override
  public List<String> validate(
      String apiVersion, String kind, JsonNode openApiV3Schema, JsonNode object) {
    return validator.validate(openApiV3Schema, object).errors().stream()
        .map(FieldError::message)
        .toList();
  }
}
