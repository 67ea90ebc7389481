package dev.cairn.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.schema.SchemaValidator.UnknownFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  private static final JsonNode SCHEMA =
      yaml(
          """
          type: object
          properties:
            spec:
              type: object
              required: [interval, sourceRef]
              properties:
                interval:
                  type: string
                  pattern: '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$'
                timeout:
                  type: string
                  default: 60s
                verify:
                  type: object
                  default: {}
                  properties:
                    mode:
                      type: string
                      default: HEAD
                prune:
                  type: boolean
                type:
                  type: string
                  enum: [default, oci]
                retries:
                  type: integer
                  minimum: 0
                  maximum: 10
                ratio:
                  type: number
                  minimum: 0
                  exclusiveMinimum: true
                namePrefix:
                  type: string
                  minLength: 1
                  maxLength: 5
                port:
                  x-kubernetes-int-or-string: true
                sourceRef:
                  type: object
                  required: [name]
                  properties:
                    name:
                      type: string
                healthChecks:
                  type: array
                  maxItems: 2
                  items:
                    type: object
                    required: [kind]
                    properties:
                      kind:
                        type: string
                substitute:
                  type: object
                  additionalProperties:
                    type: string
                values:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
                  properties:
                    replicas:
                      type: integer
          """);

  private final SchemaValidator validator = new SchemaValidator();

  @Test
  void validObjectHasNoErrors() {
    ValidationResult result = validate("{interval: 5m, sourceRef: {name: repo}}");

    assertThat(result.valid()).isTrue();
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void missingRequiredFieldIsRequiredValue() {
    ValidationResult result = validate("{interval: 5m}");

    assertThat(messages(result)).containsExactly("spec.sourceRef: Required value");
  }

  @Test
  void requiredIsCheckedInNestedObjects() {
    ValidationResult result = validate("{interval: 5m, sourceRef: {}}");

    assertThat(messages(result)).containsExactly("spec.sourceRef.name: Required value");
  }

  @Test
  void wrongTypeIsInvalidValueNamingTheType() {
    ValidationResult result = validate("{interval: 5m, sourceRef: {name: r}, prune: 'yes'}");

    assertThat(messages(result))
        .containsExactly(
            "spec.prune: Invalid value: \"string\": spec.prune in body must be of type boolean:"
                + " \"string\"");
  }

  @Test
  void integerRejectsFractions() {
    ValidationResult result = validate("{interval: 5m, sourceRef: {name: r}, retries: 1.5}");

    assertThat(messages(result)).singleElement().asString().contains("must be of type integer");
  }

  @Test
  void patternMismatchQuotesValueAndPattern() {
    ValidationResult result = validate("{interval: 5x, sourceRef: {name: r}}");

    assertThat(messages(result))
        .containsExactly(
            "spec.interval: Invalid value: \"5x\": spec.interval in body should match"
                + " '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$'");
  }

  @Test
  void valueOutsideEnumIsUnsupported() {
    ValidationResult result = validate("{interval: 5m, sourceRef: {name: r}, type: git}");

    assertThat(messages(result))
        .containsExactly(
            "spec.type: Unsupported value: \"git\": supported values: \"default\", \"oci\"");
  }

  @Test
  void minimumAndMaximumBoundNumbers() {
    assertThat(messages(validate("{interval: 5m, sourceRef: {name: r}, retries: -1}")))
        .containsExactly(
            "spec.retries: Invalid value: -1: spec.retries in body should be greater than or"
                + " equal to 0");
    assertThat(messages(validate("{interval: 5m, sourceRef: {name: r}, retries: 11}")))
        .containsExactly(
            "spec.retries: Invalid value: 11: spec.retries in body should be less than or equal"
                + " to 10");
    assertThat(validate("{interval: 5m, sourceRef: {name: r}, retries: 10}").valid()).isTrue();
  }

  @Test
  void exclusiveMinimumExcludesTheBound() {
    assertThat(messages(validate("{interval: 5m, sourceRef: {name: r}, ratio: 0}")))
        .containsExactly(
            "spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0");
    assertThat(validate("{interval: 5m, sourceRef: {name: r}, ratio: 0.1}").valid()).isTrue();
  }

  @Test
  void stringLengthIsBounded() {
    assertThat(messages(validate("{interval: 5m, sourceRef: {name: r}, namePrefix: abcdef}")))
        .containsExactly("spec.namePrefix: Too long: may not be longer than 5");
    assertThat(messages(validate("{interval: 5m, sourceRef: {name: r}, namePrefix: ''}")))
        .containsExactly(
            "spec.namePrefix: Invalid value: \"\": spec.namePrefix in body should be at least 1"
                + " chars long");
  }

  @Test
  void arrayItemsAreValidatedWithTheirIndex() {
    ValidationResult result =
        validate("{interval: 5m, sourceRef: {name: r}, healthChecks: [{kind: A}, {name: b}]}");

    assertThat(messages(result)).containsExactly("spec.healthChecks[1].kind: Required value");
  }

  @Test
  void maxItemsBoundsArrays() {
    ValidationResult result =
        validate(
            "{interval: 5m, sourceRef: {name: r}, healthChecks: [{kind: A}, {kind: B}, {kind:"
                + " C}]}");

    assertThat(messages(result))
        .containsExactly("spec.healthChecks: Too many: 3: must have at most 2 items");
  }

  @Test
  void additionalPropertiesSchemaAppliesToEveryMapValue() {
    ValidationResult result =
        validate("{interval: 5m, sourceRef: {name: r}, substitute: {a: x, b: {c: 1}}}");

    assertThat(messages(result))
        .containsExactly(
            "spec.substitute.b: Invalid value: \"object\": spec.substitute.b in body must be of"
                + " type string: \"object\"");
    assertThat(result.prunedFields()).isEmpty();
  }

  @Test
  void unknownFieldsArePrunedAndListedByDefault() {
    ValidationResult result = validate("{interval: 5m, sourceRef: {name: r, kidn: Git}, extra: 1}");

    assertThat(result.valid()).isTrue();
    assertThat(result.prunedFields()).containsExactly("spec.sourceRef.kidn", "spec.extra");
    assertThat(result.warnings())
        .containsExactly("unknown field \"spec.sourceRef.kidn\"", "unknown field \"spec.extra\"");
    assertThat(result.object().path("spec").has("extra")).isFalse();
    assertThat(result.object().at("/spec/sourceRef").has("kidn")).isFalse();
  }

  @Test
  void unknownFieldsAreErrorsWhenRejecting() {
    ValidationResult result =
        new SchemaValidator(
                SchemaValidator.Options.defaults().withUnknownFields(UnknownFields.REJECT))
            .validate(SCHEMA, object("{interval: 5m, sourceRef: {name: r}, extra: 1}"));

    assertThat(messages(result))
        .containsExactly("spec.extra: Unknown field: field not declared in schema");
    assertThat(result.prunedFields()).isEmpty();
  }

  @Test
  void preserveUnknownFieldsKeepsUndeclaredButChecksDeclared() {
    ValidationResult result =
        validate(
            "{interval: 5m, sourceRef: {name: r}, values: {free: {form: [1, 2]}, replicas: two}}");

    assertThat(result.object().at("/spec/values/free/form/1").asInt()).isEqualTo(2);
    assertThat(result.prunedFields()).isEmpty();
    assertThat(messages(result)).singleElement().asString().startsWith("spec.values.replicas:");
  }

  @Test
  void intOrStringAcceptsBothAndNothingElse() {
    assertThat(validate("{interval: 5m, sourceRef: {name: r}, port: 80}").valid()).isTrue();
    assertThat(validate("{interval: 5m, sourceRef: {name: r}, port: http}").valid()).isTrue();
    assertThat(validate("{interval: 5m, sourceRef: {name: r}, port: true}").valid()).isFalse();
  }

  @Test
  void rootTypeFieldsAreAlwaysAllowed() {
    JsonNode object =
        yaml(
            "{apiVersion: cairn.dev/v1, kind: X, metadata: {name: a}, spec: {interval: 5m, sourceRef: {name: r}}}");

    ValidationResult result = validator.validate(SCHEMA, object);

    assertThat(result.valid()).isTrue();
    assertThat(result.prunedFields()).isEmpty();
    assertThat(result.object().path("metadata").path("name").asText()).isEqualTo("a");
  }

  @Test
  void defaultsFillAbsentFieldsUnlessDisabled() {
    JsonNode input = object("{interval: 5m, sourceRef: {name: r}}");

    assertThat(validator.validate(SCHEMA, input).object().at("/spec/timeout").asText())
        .isEqualTo("60s");
    assertThat(
            new SchemaValidator(SchemaValidator.Options.defaults().withApplyDefaults(false))
                .validate(SCHEMA, input)
                .object()
                .at("/spec")
                .has("timeout"))
        .isFalse();
  }

  @Test
  void defaultedObjectsGetTheirNestedDefaultsAndNullsCountAsAbsent() {
    ValidationResult result = validate("{interval: 5m, sourceRef: {name: r}, timeout: null}");

    assertThat(result.object().at("/spec/verify/mode").asText()).isEqualTo("HEAD");
    assertThat(result.object().at("/spec/timeout").asText()).isEqualTo("60s");
  }

  @Test
  void nullsOfNonNullableFieldsArePrunedBeforeRequiredIsChecked() {
    ValidationResult result = validate("{interval: 5m, sourceRef: null, prune: null}");

    assertThat(messages(result)).containsExactly("spec.sourceRef: Required value");
    assertThat(result.object().at("/spec").has("prune")).isFalse();
  }

  @Test
  void inputIsNotModified() {
    JsonNode input = object("{interval: 5m, sourceRef: {name: r}, extra: 1}");
    String before = input.toString();

    validator.validate(SCHEMA, input);

    assertThat(input.toString()).isEqualTo(before);
  }

  @Test
  void resultMessageReadsLikeTheApiServers() {
    ValidationResult one = validate("{interval: 5m}");
    ValidationResult two = validate("{interval: 5x}");

    assertThat(one.message("Kustomization.cairn.dev", "apps"))
        .isEqualTo("Kustomization.cairn.dev \"apps\" is invalid: spec.sourceRef: Required value");
    assertThat(two.message("Kustomization.cairn.dev", "apps"))
        .startsWith("Kustomization.cairn.dev \"apps\" is invalid: [spec.interval: Invalid value")
        .endsWith(", spec.sourceRef: Required value]");
  }

  @Test
  void generatedKustomizationCrdRejectsWhatFluxRejects() {
    JsonNode schema = CairnCrds.openApiSchema(CairnCrds.crd(Kustomization.class));
    JsonNode object =
        yaml(
            """
            apiVersion: cairn.dev/v1
            kind: Kustomization
            metadata: {name: apps, namespace: flux-system}
            spec:
              interval: 10 minutes
              prune: "true"
              path: ./apps
              postBuild:
                substituteFrom:
                  - kind: Vault
                    name: vars
            """);

    ValidationResult result = validator.validate(schema, object);

    assertThat(messages(result))
        .containsExactlyInAnyOrder(
            "spec.interval: Invalid value: \"10 minutes\": spec.interval in body should match"
                + " '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$'",
            "spec.prune: Invalid value: \"string\": spec.prune in body must be of type boolean:"
                + " \"string\"",
            "spec.postBuild.substituteFrom[0].kind: Unsupported value: \"Vault\": supported"
                + " values: \"ConfigMap\", \"Secret\"",
            "spec.sourceRef: Required value");
  }

  private ValidationResult validate(String spec) {
    return validator.validate(SCHEMA, object(spec));
  }

  private static JsonNode object(String spec) {
    return yaml("{spec: " + spec + "}");
  }

  private static java.util.List<String> messages(ValidationResult result) {
    return result.errors().stream().map(FieldError::message).toList();
  }

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
