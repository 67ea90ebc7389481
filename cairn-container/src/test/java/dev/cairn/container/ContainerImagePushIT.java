package dev.cairn.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import dev.cairn.testkit.registry.OciRegistry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes the image tar of this build with Jib (what {@code -Dimage=REGISTRY/NAME:TAG} does at the
 * end of the build) to Debian's docker-registry, then reads the manifest and config back over the
 * registry API.
 */
class ContainerImagePushIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST_TYPES =
      "application/vnd.docker.distribution.manifest.v2+json,"
          + "application/vnd.oci.image.manifest.v1+json";

  @TempDir static Path temp;
  private static OciRegistry registry;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    registry = OciRegistry.start(temp.resolve("registry"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void theImagePushedToARegistryHasTheBuiltLayersAndConfig() throws Exception {
    Path tar = Path.of(System.getProperty("image.tar", "target/cairn-image.tar"));
    ImageTar built = ImageTar.read(tar);
    String reference = registry.host() + "/cairn-dev/cairn:" + System.getProperty("image.version");

    JibContainer pushed =
        Jib.from(TarImage.at(tar))
            .containerize(
                Containerizer.to(RegistryImage.named(reference))
                    .setAllowInsecureRegistries(true)
                    .setBaseImageLayersCache(temp.resolve("jib-cache"))
                    .setApplicationLayersCache(temp.resolve("jib-cache")));

    HttpResponse<byte[]> manifestResponse =
        get("/v2/cairn-dev/cairn/manifests/" + System.getProperty("image.version"), MANIFEST_TYPES);
    assertThat(manifestResponse.statusCode()).isEqualTo(200);
    assertThat(manifestResponse.headers().firstValue("Docker-Content-Digest"))
        .contains(pushed.getDigest().toString());
    JsonNode manifest = JSON.readTree(manifestResponse.body());

    List<String> pushedLayers = new ArrayList<>();
    manifest.get("layers").forEach(l -> pushedLayers.add(l.get("digest").asText()));
    assertThat(pushedLayers).containsExactlyElementsOf(layerDigests(tar, built));

    HttpResponse<byte[]> configBlob =
        get("/v2/cairn-dev/cairn/blobs/" + manifest.get("config").get("digest").asText(), "*/*");
    assertThat(configBlob.statusCode()).isEqualTo(200);
    JsonNode config = JSON.readTree(configBlob.body());
    assertThat(config.get("rootfs").get("diff_ids"))
        .isEqualTo(built.config().get("rootfs").get("diff_ids"));
    JsonNode containerConfig = config.get("config");
    assertThat(containerConfig.get("User").asText()).isEqualTo("65532:65532");
    assertThat(containerConfig.get("Entrypoint"))
        .isEqualTo(built.config().get("config").get("Entrypoint"));
    assertThat(containerConfig.get("Cmd")).isEqualTo(built.config().get("config").get("Cmd"));
    assertThat(containerConfig.get("Labels").get("org.opencontainers.image.version").asText())
        .isEqualTo(System.getProperty("image.version"));
  }

  /** The sha256 of each compressed layer file in the tar, in the manifest's order. */
  private static List<String> layerDigests(Path tar, ImageTar built) throws Exception {
    Map<String, String> byName = new TreeMap<>();
    try (TarArchiveInputStream outer = new TarArchiveInputStream(Files.newInputStream(tar))) {
      TarArchiveEntry entry;
      while ((entry = outer.getNextEntry()) != null) {
        if (built.layers().contains(entry.getName())) {
          byName.put(entry.getName(), "sha256:" + sha256(outer));
        }
      }
    }
    List<String> digests = new ArrayList<>();
    built.layers().forEach(name -> digests.add(byName.get(name)));
    return digests;
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    int read;
    while ((read = in.read(buffer)) > 0) {
      digest.update(buffer, 0, read);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://" + registry.host() + path))
            .header("Accept", accept)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
