package dev.cairn.cli.up;

import dev.cairn.cli.CliException;
import dev.cairn.engine.secrets.SealingKeyring;
import dev.cairn.secrets.sealed.SealingKey;
import dev.cairn.secrets.sealed.SealingKeyGenerator;
import dev.cairn.secrets.sealed.SealingKeyPem;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The SealedSecret key of {@code cairn up}: the key pair given with {@code --sealing-key} and
 * {@code --sealing-cert} becomes the active key in {@code cairn-system} before the controllers
 * start; without them a key is made. Either way the active certificate is written to {@value
 * #CERTIFICATE_FILE} in the working directory, for {@code cairn seal --cert}.
 */
public final class SealingKeySetup {
  public static final String CERTIFICATE_FILE = "sealing-cert.pem";

  private SealingKeySetup() {}

  /**
   * Reads a key pair from PEM files; both or neither must be given.
   *
   * @return null when neither is given
   * @throws CliException naming the option or file that is wrong (never key material)
   */
  public static SealingKey read(Path key, Path certificate, int usageExitCode) {
    if (key == null && certificate == null) {
      return null;
    }
    if (key == null || certificate == null) {
      throw new CliException(
          usageExitCode, "--sealing-key and --sealing-cert go together: give both PEM files");
    }
    try {
      return SealingKeyPem.read(
          key + " and " + certificate,
          Files.readString(key, StandardCharsets.US_ASCII),
          Files.readString(certificate, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new CliException(usageExitCode, "cannot read the sealing key: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CliException(usageExitCode, "--sealing-key/--sealing-cert: " + e.getMessage());
    }
  }

  /** {@code controllers}, started after the sealing key is in place (null: make one). */
  public static ControllerStarter before(
      ControllerStarter controllers, SealingKey brought, PrintWriter info) {
    return (client, storage, rewrites) -> {
      install(client, brought, storage.toAbsolutePath().getParent(), info);
      return controllers.start(client, storage, rewrites);
    };
  }

  /** Puts the key in place and writes the active certificate; returns the certificate file. */
  static Path install(KubernetesClient client, SealingKey brought, Path workDir, PrintWriter info) {
    // A fleet's own root (a flux bootstrap layout) makes no cairn-system namespace of its own.
    if (client.namespaces().withName(Bootstrap.NAME).get() == null) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(Bootstrap.NAME)
                  .endMetadata()
                  .build())
          .serverSideApply();
    }
    SealingKeyring keyring =
        new SealingKeyring(
            client, Bootstrap.NAME, SealingKeyGenerator.defaults(), Clock.systemUTC());
    SealingKey active;
    if (brought != null) {
      keyring.add(brought);
      active = brought;
    } else {
      active = keyring.ensureActive(Duration.ZERO);
    }
    Path file = workDir.resolve(CERTIFICATE_FILE);
    try {
      Files.writeString(file, active.certificate().pem(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    info.println(
        "Sealing certificate ("
            + (brought != null ? "from --sealing-cert" : "a new key")
            + ", "
            + active.fingerprint()
            + "): "
            + file);
    info.println("  seal a Secret for it: cairn seal --cert " + file + " -f secret.yaml");
    return file;
  }
}
