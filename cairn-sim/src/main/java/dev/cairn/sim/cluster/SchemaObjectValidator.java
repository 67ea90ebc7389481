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
 *
 * <p>A write checks its object twice, as the request decodes it (undeclared fields, {@code
 * fieldValidation}) and as it is stored; the two usually differ only in {@code metadata}, which the
 * schema walk skips. So {@link #check} remembers its last object that came through unchanged (no
 * field pruned, defaulted or dropped as null) and answers an object of the same content (see {@link
 * SchemaContent}) with the same errors instead of walking the schema again.
 */
public final class SchemaObjectValidator implements ObjectValidator {

  /** The last unchanged check: the schema, a private copy of the object and its errors. */
  private record Unchanged(JsonNode schema, JsonNode content, List<String> errors) {}

  private final SchemaValidator validator = new SchemaValidator();
  private volatile Unchanged last;

  /**
   * {@inheritDoc}
   *
   * <p>When the schema changes nothing, the returned object is {@code object} itself.
   */
  @Override
  public Checked check(String apiVersion, String kind, JsonNode openApiV3Schema, JsonNode object) {
    Unchanged remembered = last;
    if (remembered != null
        && remembered.schema() == openApiV3Schema
        && SchemaContent.same(remembered.content(), object)) {
      return new Checked(remembered.errors(), object);
    }
    ValidationResult result = validator.validate(openApiV3Schema, object);
    List<String> errors = result.errors().stream().map(FieldError::message).toList();
    if (result.prunedFields().isEmpty() && SchemaContent.same(result.object(), object)) {
      // result.object() is the validator's own copy, never handed out: it stays as it is
      last = new Unchanged(openApiV3Schema, result.object(), errors);
      return new Checked(errors, object);
    }
    return new Checked(errors, result.object(), result.prunedFields());
  }

  @Override
  public List<String> validate(
      String apiVersion, String kind, JsonNode openApiV3Schema, JsonNode object) {
    return check(apiVersion, kind, openApiV3Schema, object).errors();
  }
}
