package dev.cairn.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.patch.PatchSchema.ListStrategy;
import dev.cairn.manifest.YamlReader;
import org.junit.jupiter.api.Test;

class OpenApiSchemaTest {
  private static final String DOC =
      """
      definitions:
        io.example.v1.Widget:
          x-kubernetes-group-version-kind: [{group: example.io, version: v1, kind: Widget}]
          properties:
            spec:
              type: object
              properties:
                parts:
                  type: array
                  x-kubernetes-patch-strategy: merge
                  x-kubernetes-patch-merge-key: id
                  items: {$ref: "#/definitions/io.example.v1.Part"}
                tags:
                  type: array
                  x-kubernetes-patch-strategy: merge
                  items: {type: string}
                other:
                  type: array
                  items: {type: string}
        io.example.v1.Part:
          properties:
            id: {type: string}
            children:
              type: array
              x-kubernetes-patch-strategy: merge
              x-kubernetes-patch-merge-key: id
              items: {$ref: "#/definitions/io.example.v1.Part"}
      """;

  private static JsonNode yaml(String text) {
    return YamlReader.defaults().readAll("schema.yaml", text).get(0).content();
  }

  @Test
  void listStrategiesComeFromTheExtensionsAndRefsResolveRecursively() {
    PatchSchema schema = OpenApiSchema.read(yaml(DOC));
    PatchSchema.SchemaType spec = schema.rootFor("example.io", "v1", "Widget").field("spec").type();
    PatchSchema.Field parts = spec.field("parts");
    assertThat(parts.strategy()).isEqualTo(ListStrategy.MERGE_BY_KEY);
    assertThat(parts.key()).isEqualTo("id");
    assertThat(parts.type().field("children").type()).isSameAs(parts.type());
    assertThat(spec.field("tags").strategy()).isEqualTo(ListStrategy.MERGE_AS_SET);
    assertThat(spec.field("other").strategy()).isEqualTo(ListStrategy.REPLACE);
    assertThat(schema.rootFor("apps", "v1", "Deployment")).isNull();
    assertThat(schema.rootFor("example.io", "v2", "Widget")).isNull();
  }

  @Test
  void aDocumentWithoutDefinitionsIsRefused() {
    assertThatThrownBy(() -> OpenApiSchema.read(yaml("swagger: '2.0'\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("definitions");
  }
}
