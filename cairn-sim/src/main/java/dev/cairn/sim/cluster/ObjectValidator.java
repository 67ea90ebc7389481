package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Validates a custom resource against the OpenAPI v3 schema of its CRD version before the simulated
 * server stores it; a non-empty result is answered with 422 Invalid, as a real server does. The
 * simulated cluster validates with {@link SchemaObjectValidator} by default; tests can plug in
 * another through {@link SimulatedClusterOptions#withValidator(ObjectValidator)}.
 */
@FunctionalInterface
public interface ObjectValidator {

  /**
   * Returns one message per violation, each starting with the field path, e.g. {@code
   * "spec.interval: Invalid value: \"x\": spec.interval in body should match '^[0-9]+s$'"}; empty
   * when valid.
   *
   * @param apiVersion the object's apiVersion, e.g. {@code cairn.dev/v1}
   * @param kind the object's kind
   * @param openApiV3Schema the {@code openAPIV3Schema} of the served version
   * @param object the whole object as it would be stored
   */
  List<String> validate(String apiVersion, String kind, JsonNode openApiV3Schema, JsonNode object);

  /**
   * Validates and returns the object as the server would store it: the API server prunes fields the
   * schema does not declare and applies the schema's defaults before it validates
   * (apiextensions-apiserver {@code pkg/registry/customresource}, {@code structural/pruning},
   * {@code structural/defaulting}). This default only validates and changes nothing.
   */
  default Checked check(String apiVersion, String kind, JsonNode openApiV3Schema, JsonNode object) {
    return new Checked(validate(apiVersion, kind, openApiV3Schema, object), object);
  }

  /**
   * The result of {@link #check}.
   *
   * @param errors one message per violation, empty when valid
   * @param object the object to store (pruned and defaulted), never null
   * @param prunedFields the undeclared fields dropped, as paths like {@code spec.colour}
   */
  record Checked(List<String> errors, JsonNode object, List<String> prunedFields) {
    public Checked {
      errors = List.copyOf(errors);
      prunedFields = List.copyOf(prunedFields);
    }

    public Checked(List<String> errors, JsonNode object) {
      this(errors, object, List.of());
    }
  }

  /** Accepts every object. */
  static ObjectValidator acceptAll() {
    return (apiVersion, kind, schema, object) -> List.of();
  }
}
