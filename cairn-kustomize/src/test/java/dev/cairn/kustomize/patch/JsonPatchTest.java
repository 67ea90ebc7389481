package dev.cairn.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonPatchTest {
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode apply(String doc, String ops) throws Exception {
    return JsonPatch.of(json.readTree(ops)).apply(json.readTree(doc));
  }

  @Test
  void addsIntoListsAndMaps() throws Exception {
    JsonNode out =
        apply(
            "{\"a\":[1,3]}",
            "[{\"op\":\"add\",\"path\":\"/a/1\",\"value\":2},{\"op\":\"add\",\"path\":\"/a/-\",\"value\":4},"
                + "{\"op\":\"add\",\"path\":\"/b~1c\",\"value\":true}]");
    assertThat(out.toString()).isEqualTo("{\"a\":[1,2,3,4],\"b/c\":true}");
  }

  @Test
  void movesCopiesRemovesAndReplaces() throws Exception {
    JsonNode out =
        apply(
            "{\"a\":1,\"b\":{\"c\":2},\"d\":3}",
            "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/b/a\"},{\"op\":\"copy\",\"from\":\"/b\",\"path\":\"/e\"},"
                + "{\"op\":\"remove\",\"path\":\"/d\"},{\"op\":\"replace\",\"path\":\"/b/c\",\"value\":9}]");
    assertThat(out.toString()).isEqualTo("{\"b\":{\"c\":9,\"a\":1},\"e\":{\"c\":2,\"a\":1}}");
  }

  @Test
  void failedTestAndMissingPathsAreErrors() {
    assertThatThrownBy(() -> apply("{\"a\":1}", "[{\"op\":\"test\",\"path\":\"/a\",\"value\":2}]"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("/a");
    assertThatThrownBy(
            () -> apply("{\"a\":1}", "[{\"op\":\"replace\",\"path\":\"/x\",\"value\":2}]"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("missing path");
    assertThatThrownBy(
            () -> apply("{\"a\":[1]}", "[{\"op\":\"add\",\"path\":\"/a/5\",\"value\":2}]"))
        .isInstanceOf(PatchException.class);
  }
}
