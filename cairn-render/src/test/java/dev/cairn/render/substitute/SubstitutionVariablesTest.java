package dev.cairn.render.substitute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubstitutionVariablesTest {

  @Test
  void laterSourcesOverrideEarlierOnesAndInlineOverridesAll() {
    Map<String, String> merged =
        SubstitutionVariables.merge(
            List.of(
                Map.of("a", "cm1", "b", "cm1", "c", "cm1"), Map.of("b", "secret2", "c", "secret2")),
            Map.of("c", "inline"));

    assertThat(merged)
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", "cm1", "b", "secret2", "c", "inline"));
  }

  @Test
  void lineBreaksAreRemovedFromValues() {
    Map<String, String> merged =
        SubstitutionVariables.merge(List.of(Map.of("cert", "line1\nline2\n")), Map.of("x", "a\nb"));

    assertThat(merged).containsEntry("cert", "line1line2").containsEntry("x", "ab");
  }

  @Test
  void noSourcesAndNoInlineIsEmpty() {
    assertThat(SubstitutionVariables.merge(List.of(), null)).isEmpty();
  }

  @Test
  void namesMustMatchFluxPattern() {
    SubstitutionVariables.validateNames(Map.of("_ok", "", "cluster_Name2", ""));

    assertThatThrownBy(() -> SubstitutionVariables.validateNames(Map.of("cluster-name", "v")))
        .isInstanceOf(TemplateException.class)
        .hasMessage("'cluster-name' var name is invalid, must match '^[_A-Za-z][_A-Za-z0-9]*$'");
    assertThatThrownBy(() -> SubstitutionVariables.validateNames(Map.of("1st", "v")))
        .hasMessageContaining("'1st' var name is invalid");
  }
}
