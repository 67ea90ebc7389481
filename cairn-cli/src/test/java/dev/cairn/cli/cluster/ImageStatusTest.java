package dev.cairn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What {@code cairn get images} shows for each image kind in the revision column. */
class ImageStatusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode object(String status) throws Exception {
    return JSON.readTree(
        "{\"metadata\":{\"name\":\"api\",\"namespace\":\"apps\",\"generation\":1},\"status\":"
            + status
            + "}");
  }

  @Test
  void repositoriesShowTheImageAndTagCount() throws Exception {
    ObjectStatus row =
        ObjectStatus.of(
            CairnKind.ImageRepository,
            object(
                "{\"canonicalImageName\":\"ghcr.io/acme/api\",\"lastScanResult\":{\"tagCount\":12},"
                    + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"message\":\"ok\"}]}"));

    assertThat(row.revision()).isEqualTo("ghcr.io/acme/api (12 tags)");
    assertThat(row.readyTrue()).isTrue();
  }

  @Test
  void policiesShowTheirLatestPick() throws Exception {
    ObjectStatus row =
        ObjectStatus.of(
            CairnKind.ImagePolicy,
            object("{\"latestRef\":{\"name\":\"ghcr.io/acme/api\",\"tag\":\"v1.10.0\"}}"));

    assertThat(row.revision()).isEqualTo("ghcr.io/acme/api:v1.10.0");
  }

  @Test
  void automationsShowTheLastPushedCommit() throws Exception {
    ObjectStatus row =
        ObjectStatus.of(CairnKind.ImageUpdateAutomation, object("{\"lastPushCommit\":\"abc123\"}"));

    assertThat(row.revision()).isEqualTo("abc123");
  }

  @Test
  void imagesNamesTheThreeKindsAndTheirShortNamesParse() {
    assertThat(CairnKind.images())
        .containsExactly(
            CairnKind.ImageRepository, CairnKind.ImagePolicy, CairnKind.ImageUpdateAutomation);
    assertThat(CairnKind.require("imagepolicies")).isEqualTo(CairnKind.ImagePolicy);
    assertThat(CairnKind.require("iua")).isEqualTo(CairnKind.ImageUpdateAutomation);
  }
}
