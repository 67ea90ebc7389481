package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.schema.CairnCrds;
import dev.cairn.api.schema.FieldError;
import dev.cairn.api.schema.SchemaValidator;
import dev.cairn.api.schema.ValidationResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Flux manifest, with only its apiVersion changed, is valid against the generated CRD and
 * loses no field to pruning: the schema declares every field Flux users write.
 */
class FluxManifestSchemaTest {

  private final SchemaValidator validator =
      new SchemaValidator(SchemaValidator.Options.defaults().withApplyDefaults(false));

  static Stream<Arguments> manifests() {
    return FluxManifests.all().stream().map(d -> Arguments.of(FluxManifests.describe(d), d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void fluxManifestIsValidAndNothingIsPruned(String name, JsonNode flux) {
    JsonNode cairn = FluxManifests.asCairn(flux);
    JsonNode crd = CairnCrds.crd(cairn.path("kind").asText()).orElseThrow();

    ValidationResult result = validator.validate(CairnCrds.openApiSchema(crd), cairn);

    assertThat(result.errors()).as("errors for %s", name).extracting(FieldError::message).isEmpty();
    assertThat(result.prunedFields()).as("pruned from %s", name).isEmpty();
    assertThat(result.object()).isEqualTo(cairn);
  }
}
