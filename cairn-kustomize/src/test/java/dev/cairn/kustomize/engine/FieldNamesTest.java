package dev.cairn.kustomize.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.manifest.YamlReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FieldNamesTest {
  private static KustomizationFile read(String yaml) {
    ObjectNode content =
        (ObjectNode) YamlReader.defaults().readAll("k.yaml", yaml).get(0).content();
    return KustomizationFile.of(Path.of("."), "kustomization.yaml", content);
  }

  @Test
  void structFieldsMatchIgnoringCaseButMapKeysKeepTheirs() {
    KustomizationFile k =
        read(
            "NAMEPREFIX: a-\n"
                + "commonlabels:\n  App: Web\n"
                + "Images:\n- NAME: nginx\n  newtag: '2'\n"
                + "patchesJSON6902:\n- Target: {KIND: Deployment}\n  Patch: '[]'\n");
    assertThat(k.text("namePrefix")).isEqualTo("a-");
    assertThat(k.stringMap("commonLabels")).containsExactly(java.util.Map.entry("App", "Web"));
    assertThat(k.list("images").get(0).path("newTag").asText()).isEqualTo("2");
    assertThat(k.list("images").get(0).path("name").asText()).isEqualTo("nginx");
    assertThat(k.list("patchesJson6902").get(0).path("target").path("kind").asText())
        .isEqualTo("Deployment");
  }

  @Test
  void theLaterSpellingWinsAndUnknownNamesStayUnknown() {
    assertThat(read("namePrefix: a-\nnameprefix: b-\n").text("namePrefix")).isEqualTo("b-");
    assertThatThrownBy(() -> read("namePrefx: a-\n"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("unknown field \"namePrefx\"");
    assertThatThrownBy(() -> read("images:\n- Nam: nginx\n"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("unknown field \"Nam\"");
  }
}
