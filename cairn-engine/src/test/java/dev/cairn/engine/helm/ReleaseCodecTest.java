package dev.cairn.engine.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ReleaseCodecTest {
  private final ReleaseRecord record =
      new ReleaseRecord(
          "gw",
          "edge",
          2,
          "deployed",
          "2026-01-01T00:00:00Z",
          "2026-01-02T00:00:00Z",
          "Upgrade complete",
          Map.of("name", "gw", "version", "1.1.0", "appVersion", "2.0"),
          Map.of("replicas", 3),
          "---\nkind: ConfigMap\n",
          List.of());

  @Test
  void encodesAsGzippedJsonInBase64WithHelmsFieldNames() throws Exception {
    String encoded = ReleaseCodec.encode(record);

    byte[] gz = Base64.getDecoder().decode(encoded);
    byte[] json = new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
    JsonNode release = new ObjectMapper().readTree(json);
    assertThat(release.get("name").asText()).isEqualTo("gw");
    assertThat(release.get("namespace").asText()).isEqualTo("edge");
    assertThat(release.get("version").asInt()).isEqualTo(2);
    assertThat(release.at("/info/status").asText()).isEqualTo("deployed");
    assertThat(release.at("/info/first_deployed").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(release.at("/info/description").asText()).isEqualTo("Upgrade complete");
    assertThat(release.at("/chart/metadata/version").asText()).isEqualTo("1.1.0");
    assertThat(release.at("/config/replicas").asInt()).isEqualTo(3);
    assertThat(release.get("manifest").asText()).isEqualTo("---\nkind: ConfigMap\n");
  }

  @Test
  void roundTrips() {
    ReleaseRecord back = ReleaseCodec.decode(ReleaseCodec.encode(record));
    assertThat(back).isEqualTo(record);
    assertThat(back.toString()).doesNotContain("replicas");
  }
}
