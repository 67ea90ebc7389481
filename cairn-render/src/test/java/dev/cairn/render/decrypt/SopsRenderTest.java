package dev.cairn.render.decrypt;

import static dev.cairn.render.TestTrees.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.render.RenderException;
import dev.cairn.render.RenderInputs;
import dev.cairn.render.TestTrees;
import dev.cairn.secrets.sops.SopsKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spec.decryption} with cairn-secrets' SOPS fixtures: an age-encrypted Secret manifest is
 * decrypted after the build (Kustomize moved it to another namespace, so its MAC no longer
 * matches), a PGP-encrypted dotenv file that a {@code secretGenerator} reads is decrypted before
 * it; an encrypted Secret is never let through, and errors name the object without values.
 */
class SopsRenderTest {
  static final Path SOPS =
      Path.of(System.getProperty("basedir", "."))
          .resolve("../cairn-secrets/src/test/resources/sops")
          .toAbsolutePath()
          .normalize();
  private static final String DECRYPTION =
      "decryption: {provider: sops, secretRef: {name: sops-keys}}\n";

  private final KustomizationRenderer renderer = KustomizationRenderer.defaults();

  @Test
  void decryptsAnAgeEncryptedSecretManifestAfterTheBuild(@TempDir Path artifact) throws Exception {
    secretFixture(artifact, null);

    List<KubeObject> objects =
        renderer
            .render(
                artifact,
                spec("path: ./app\ntargetNamespace: prod\n" + DECRYPTION),
                inputs("identity.agekey", "age/identity.agekey"))
            .objects();

    ObjectNode secret = objects.get(0).node();
    assertThat(secret.at("/metadata/namespace").asText()).isEqualTo("prod");
    assertThat(secret.at("/stringData/password").asText()).isEqualTo("s3cr3t");
    assertThat(secret.has("sops")).isFalse();
    assertThat(secret.toString()).doesNotContain("ENC[");
  }

  @Test
  void decryptsAPgpEncryptedFileASecretGeneratorReads(@TempDir Path artifact) throws Exception {
    Files.createDirectories(artifact.resolve("app"));
    Files.copy(SOPS.resolve("upstream/format.enc.env"), artifact.resolve("app/app.env"));
    TestTrees.write(
        artifact,
        "app/kustomization.yaml",
        """
        secretGenerator:
        - name: app
          files: [settings.env=app.env]
        generatorOptions: {disableNameSuffixHash: true}
        """);

    List<KubeObject> objects =
        renderer
            .render(
                artifact,
                spec("path: ./app\n" + DECRYPTION),
                inputs("sops.asc", "upstream/sops_functional_tests_key.asc"))
            .objects();

    // sops' own fixture is "foo = bar": a key with a space, which Kustomize refuses from envs:
    assertThat(objects.get(0).node().at("/data/settings.env").asText())
        .isEqualTo(
            Base64.getEncoder().encodeToString("foo = bar\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(artifact.resolve("app/app.env"))).contains("ENC[AES256_GCM");
  }

  @Test
  void anEncryptedSecretWithoutDecryptionIsRefusedNamingIt(@TempDir Path artifact)
      throws Exception {
    secretFixture(artifact, null);

    assertThatThrownBy(() -> renderer.render(artifact, spec("path: ./app\n"), RenderInputs.none()))
        .isInstanceOf(RenderException.class)
        .satisfies(e -> assertNoValues(e.getMessage()))
        .hasMessageContaining("Secret/team-a/db (app/db.yaml)")
        .hasMessageContaining("spec.decryption is not set");
  }

  @Test
  void aWrongKeyFailsNamingTheSecretWithoutValues(@TempDir Path artifact) throws Exception {
    secretFixture(artifact, null);

    assertThatThrownBy(
            () ->
                renderer.render(
                    artifact,
                    spec("path: ./app\n" + DECRYPTION),
                    inputs("sops.asc", "upstream/sops_functional_tests_key.asc")))
        .isInstanceOf(RenderException.class)
        .satisfies(e -> assertNoValues(e.getMessage()))
        .hasMessageStartingWith("decryption failed for Secret/team-a/db (app/db.yaml)");
  }

  @Test
  void theDisabledAnnotationLeavesOneSecretAsItIs(@TempDir Path artifact) throws Exception {
    secretFixture(artifact, "disabled");

    List<KubeObject> objects =
        renderer
            .render(
                artifact,
                spec("path: ./app\n" + DECRYPTION),
                inputs("identity.agekey", "age/identity.agekey"))
            .objects();

    assertThat(objects.get(0).node().has("sops")).isTrue();
  }

  private static void assertNoValues(String message) {
    assertThat(message).doesNotContain("s3cr3t").doesNotContain("ENC[").doesNotContain("5432");
  }

  private static void secretFixture(Path artifact, String decryptAnnotation) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode secret = (ObjectNode) json.readTree(SOPS.resolve("age/secret.enc.json").toFile());
    if (decryptAnnotation != null) {
      ((ObjectNode) secret.get("metadata"))
          .putObject("annotations")
          .put("kustomize.toolkit.fluxcd.io/decrypt", decryptAnnotation);
    }
    TestTrees.write(
        artifact,
        "app/db.yaml",
        json.writeValueAsString(secret),
        "app/kustomization.yaml",
        "resources: [db.yaml]\n");
  }

  private static RenderInputs inputs(String dataKey, String fixture) throws Exception {
    SopsKeys keys =
        SopsKeys.fromSecretData(
            "flux-system/sops-keys", Map.of(dataKey, Files.readAllBytes(SOPS.resolve(fixture))));
    return RenderInputs.none().withDecryptionKeys(keys);
  }
}
