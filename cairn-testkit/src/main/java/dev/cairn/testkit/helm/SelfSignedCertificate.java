package dev.cairn.testkit.helm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1 made with the JDK's {@code keytool} (no extra library):
 * the server side as an {@link SSLContext}, the client side as PEM text to trust.
 */
public final class SelfSignedCertificate {
  private static final String PASSWORD = "cairn-test";

  private final SSLContext serverContext;
  private final String certificatePem;

  private SelfSignedCertificate(SSLContext serverContext, String certificatePem) {
    this.serverContext = serverContext;
    this.certificatePem = certificatePem;
  }

  /** Generates a key pair and certificate (CN and SAN 127.0.0.1, valid 2 days) in a temp dir. */
  public static SelfSignedCertificate generate(Path directory) {
    try {
      Files.createDirectories(directory);
      Path keystore = directory.resolve("server.p12");
      Files.deleteIfExists(keystore);
      keytool(
          "-genkeypair",
          "-alias",
          "server",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=127.0.0.1",
          "-ext",
          "san=ip:127.0.0.1",
          "-validity",
          "2",
          "-storetype",
          "PKCS12",
          "-keystore",
          keystore.toString(),
          "-storepass",
          PASSWORD,
          "-keypass",
          PASSWORD);
      String pem =
          keytool(
              "-exportcert",
              "-rfc",
              "-alias",
              "server",
              "-keystore",
              keystore.toString(),
              "-storepass",
              PASSWORD);
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        store.load(in, PASSWORD.toCharArray());
      }
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return new SelfSignedCertificate(context, pem.substring(pem.indexOf("-----BEGIN")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a test certificate", e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the test certificate", e);
    }
  }

  public SSLContext serverContext() {
    return serverContext;
  }

  /** The certificate as PEM, for a client to trust. */
  public String certificatePem() {
    return certificatePem;
  }

  private static String keytool(String... args) throws IOException {
    Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(tool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(
            "keytool " + args[0] + " failed: " + new String(output, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
    return new String(output, StandardCharsets.UTF_8);
  }
}
