package dev.cairn.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StrategicMergeTest {
  private final ObjectMapper json = new ObjectMapper();

  private String merge(String group, String kind, String target, String patch) throws Exception {
    return merge(group, "v1", kind, target, patch);
  }

  private String merge(String group, String version, String kind, String target, String patch)
      throws Exception {
    ObjectNode out =
        StrategicMerge.apply(
            (ObjectNode) json.readTree(target),
            (ObjectNode) json.readTree(patch),
            PatchSchema.get().rootFor(group, version, kind));
    return out == null ? null : out.toString();
  }

  @Test
  void containersMergeByNameWithPatchElementsFirst() throws Exception {
    String out =
        merge(
            "apps",
            "Deployment",
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"b\",\"image\":\"1\"},{\"name\":\"a\",\"image\":\"2\"}]}}}}",
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"3\"},{\"name\":\"a\",\"image\":\"4\"}]}}}}");
    assertThat(out)
        .isEqualTo(
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"3\"},"
                + "{\"name\":\"a\",\"image\":\"4\"},{\"name\":\"b\",\"image\":\"1\"}]}}}}");
  }

  @Test
  void customResourceListsAreReplaced() throws Exception {
    String out =
        merge(
            "example.com",
            "Foo",
            "{\"spec\":{\"items\":[{\"name\":\"a\"},{\"name\":\"b\"}]}}",
            "{\"spec\":{\"items\":[{\"name\":\"b\",\"v\":1}]}}");
    assertThat(out).isEqualTo("{\"spec\":{\"items\":[{\"name\":\"b\",\"v\":1}]}}");
  }

  @Test
  void versionsTheSchemaLacksReplaceLists() throws Exception {
    String target = "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\"}]}}}}";
    String patch = "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"b\"}]}}}}";
    assertThat(merge("apps", "v9", "Deployment", target, patch)).isEqualTo(patch);
    assertThat(merge("apps", "v1", "Deployment", target, patch))
        .isEqualTo(
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"b\"},{\"name\":\"a\"}]}}}}");
  }

  @Test
  void containerPortsOfAnotherProtocolAreAdded() throws Exception {
    assertThat(
            merge(
                "",
                "Pod",
                "{\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":53,\"protocol\":\"TCP\"}]}]}}",
                "{\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":53,\"protocol\":\"UDP\"}]}]}}"))
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":53,\"protocol\":\"UDP\"},"
                + "{\"containerPort\":53,\"protocol\":\"TCP\"}]}]}}");
  }

  @Test
  void directivesDeleteAndReplace() throws Exception {
    assertThat(merge("", "ConfigMap", "{\"data\":{\"a\":\"1\"}}", "{\"$patch\":\"delete\"}"))
        .isNull();
    assertThat(
            merge(
                "",
                "ConfigMap",
                "{\"data\":{\"a\":\"1\",\"b\":\"2\"}}",
                "{\"data\":{\"$patch\":\"replace\",\"c\":\"3\"}}"))
        .isEqualTo("{\"data\":{\"c\":\"3\"}}");
    assertThat(
            merge(
                "", "ConfigMap", "{\"data\":{\"a\":\"1\",\"b\":\"2\"}}", "{\"data\":{\"a\":null}}"))
        .isEqualTo("{\"data\":{\"b\":\"2\"}}");
  }

  @Test
  void finalizersMergeAsASet() throws Exception {
    assertThat(
            merge(
                "",
                "ConfigMap",
                "{\"metadata\":{\"finalizers\":[\"a\",\"b\"]}}",
                "{\"metadata\":{\"finalizers\":[\"b\",\"c\"]}}"))
        .isEqualTo("{\"metadata\":{\"finalizers\":[\"b\",\"c\",\"a\"]}}");
  }
}
