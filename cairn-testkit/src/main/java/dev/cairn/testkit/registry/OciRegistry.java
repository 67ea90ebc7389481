package dev.cairn.testkit.registry;

import dev.cairn.testkit.tls.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Debian's {@code docker-registry} (distribution 2.8) as a child process on 127.0.0.1 and a free
 * port, storing blobs under a directory of the caller's. Start once per test class and close it;
 * closing stops exactly the process this instance started.
 */
public final class OciRegistry implements AutoCloseable {
  /** Where Debian installs the registry binary. */
  public static final String BINARY = "/usr/bin/docker-registry";

  private final Path directory;
  private final int port;
  private final boolean clientCertificates;
  private Process process;

  private OciRegistry(Path directory, int port, boolean clientCertificates) {
    this.directory = directory;
    this.port = port;
    this.clientCertificates = clientCertificates;
  }

  /** Whether the {@code docker-registry} binary is installed on this machine. */
  public static boolean available() {
    return Files.isExecutable(Path.of(BINARY));
  }

  /**
   * Starts a registry with storage under {@code directory} and waits until {@code /v2/} answers.
   */
  public static OciRegistry start(Path directory) {
    return start(directory, "", null);
  }

  /**
   * Starts a registry that serves HTTPS with a certificate of {@code pki} for 127.0.0.1 and demands
   * a client certificate issued by the same CA ({@code http.tls.clientcas}). Waits until the port
   * accepts connections. Clients trust {@link TestPki#caPem()}.
   */
  public static OciRegistry startMutualTls(Path directory, TestPki pki) {
    try {
      Path tls = Files.createDirectories(directory.resolve("tls"));
      TestPki.Issued server = pki.issueServer();
      Path certificate = Files.writeString(tls.resolve("server.crt"), server.certificatePem());
      Path key = Files.writeString(tls.resolve("server.key"), server.pkcs8KeyPem());
      Path clientCas = Files.writeString(tls.resolve("client-ca.crt"), pki.caPem());
      String config =
          "  tls:\n    certificate: "
              + certificate.toAbsolutePath()
              + "\n    key: "
              + key.toAbsolutePath()
              + "\n    clientcas:\n      - "
              + clientCas.toAbsolutePath()
              + "\n";
      return start(directory, config, pki);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the registry's TLS files", e);
    }
  }

  /**
   * Starts a plain-HTTP registry that demands HTTP basic credentials ({@code auth: htpasswd}) of
   * one user; the password is stored bcrypt-hashed, as the registry requires.
   */
  public static OciRegistry startWithHtpasswd(Path directory, String username, String password) {
    try {
      Files.createDirectories(directory);
      byte[] salt = new byte[16];
      new SecureRandom().nextBytes(salt);
      String hash = OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, 4);
      Path htpasswd =
          Files.writeString(directory.resolve("htpasswd"), username + ":" + hash + "\n");
      String auth =
          "auth:\n  htpasswd:\n    realm: cairn-test\n    path: "
              + htpasswd.toAbsolutePath()
              + "\n";
      return start(directory, "", null, auth);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the registry's htpasswd file", e);
    }
  }

  private static OciRegistry start(Path directory, String httpTlsConfig, TestPki pki) {
    return start(directory, httpTlsConfig, pki, "");
  }

  private static OciRegistry start(
      Path directory, String httpTlsConfig, TestPki pki, String authConfig) {
    if (!available()) {
      throw new IllegalStateException(
          BINARY + " is missing: install the Debian package docker-registry");
    }
    try {
      Files.createDirectories(directory.resolve("data"));
      int port = freePort();
      Path config = directory.resolve("config.yml");
      Files.writeString(
          config,
          "version: 0.1\n"
              + "log:\n  level: warn\n"
              + "storage:\n  filesystem:\n    rootdirectory: "
              + directory.resolve("data").toAbsolutePath()
              + "\n  delete:\n    enabled: true\n"
              + "http:\n  addr: 127.0.0.1:"
              + port
              + "\n"
              + httpTlsConfig
              + authConfig,
          StandardCharsets.UTF_8);
      OciRegistry registry = new OciRegistry(directory, port, pki != null);
      registry.launch();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start docker-registry", e);
    }
  }

  /** Runs the registry process on the written configuration and waits until it serves. */
  private synchronized void launch() {
    try {
      process =
          new ProcessBuilder(BINARY, "serve", directory.resolve("config.yml").toString())
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(directory.resolve("registry.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start docker-registry", e);
    }
    try {
      if (clientCertificates) {
        awaitListening();
      } else {
        awaitReady();
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Stops the registry process, as a registry that went away: connections to its port are refused
   * until {@link #resumeServing()}. The stored blobs stay.
   */
  public synchronized void stopServing() {
    close();
  }

  /**
   * Starts the registry again on the same port with the same storage after {@link #stopServing()},
   * and waits until it serves.
   */
  public synchronized void resumeServing() {
    if (!process.isAlive()) {
      launch();
    }
  }

  /** {@code 127.0.0.1:<port>}. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** {@code oci://127.0.0.1:<port>/<path>}, the form Helm and Flux use. */
  public String ociUrl(String path) {
    return "oci://" + host() + "/" + path;
  }

  /** The process id, for diagnostics. */
  public long pid() {
    return process.pid();
  }

  @Override
  public synchronized void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Waits until {@code GET /v2/} answers 200, or 401 when the registry demands credentials. */
  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    URI probe = URI.create("http://" + host() + "/v2/");
    awaitUntil(
        () -> {
          int status =
              client
                  .send(
                      HttpRequest.newBuilder(probe).GET().build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode();
          return status == 200 || status == 401;
        });
  }

  /** A registry demanding client certificates answers nothing without one: the port has to do. */
  private void awaitListening() {
    awaitUntil(
        () -> {
          try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
          }
        });
  }

  /** Polls {@code probe} (an I/O failure counts as not yet) until it holds or the process dies. */
  private void awaitUntil(Probe probe) {
    Awaitility.await("docker-registry on " + host())
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "docker-registry exited with " + process.exitValue());
              }
              try {
                return probe.holds();
              } catch (IOException e) {
                return false;
              }
            });
  }

  @FunctionalInterface
  private interface Probe {
    boolean holds() throws IOException, InterruptedException;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
