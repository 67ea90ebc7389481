package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlDocument;
import dev.cairn.manifest.YamlReader;
import dev.cairn.manifest.YamlWriter;
import dev.cairn.secrets.sealed.HybridSealer;
import dev.cairn.secrets.sealed.SealedSecretScope;
import dev.cairn.secrets.sealed.SealingCertificate;
import dev.cairn.secrets.sealed.SealingKeyPem;
import dev.cairn.secrets.sealed.SecretSealer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cairn seal}: kubeseal's everyday use. A Secret manifest becomes a SealedSecret manifest;
 * with {@code --raw} one value becomes the base64 ciphertext for {@code spec.encryptedData}.
 */
@Command(
    name = "seal",
    description = {
      "Seal a Secret into a SealedSecret (bitnami.com/v1alpha1), as kubeseal does.",
      "Reads a Secret manifest (-f FILE, or stdin) and prints the SealedSecret; with --raw, reads"
          + " one value (--from-file, or stdin) and prints its base64 ciphertext for"
          + " spec.encryptedData. The certificate comes from --cert, or else from the cluster:"
          + " the newest Secret labelled sealedsecrets.bitnami.com/sealed-secrets-key=active in"
          + " --controller-namespace."
    })
final class SealCommand implements Callable<Integer> {

  static final String KEY_LABEL = "sealedsecrets.bitnami.com/sealed-secrets-key";

  @Option(
      names = "--cert",
      paramLabel = "FILE|URL",
      description = "The sealing certificate (PEM): a file, or an http(s) URL.")
  String cert;

  @Option(
      names = "--scope",
      paramLabel = "SCOPE",
      description =
          "strict (default: bound to namespace and name), namespace-wide or cluster-wide.")
  String scope;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The Secret's name (--raw with the strict scope; overrides the manifest's).")
  String name;

  @Option(names = "--raw", description = "Seal one value and print its base64 ciphertext.")
  boolean raw;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "The Secret manifest to seal (default: stdin).")
  Path file;

  @Option(
      names = "--from-file",
      paramLabel = "FILE",
      description = "With --raw: the file whose bytes are the value (default: stdin).")
  Path fromFile;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "yaml",
      paramLabel = "FORMAT",
      description = "The SealedSecret as yaml (default) or json.")
  String output;

  @Option(
      names = "--controller-namespace",
      defaultValue = "cairn-system",
      paramLabel = "NS",
      description = "Where the sealing keys live, without --cert (default: ${DEFAULT-VALUE}).")
  String controllerNamespace;

  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (cluster.allNamespaces()) {
      throw new ParameterException(spec.commandLine(), "-A/--all-namespaces: seal one namespace");
    }
    SealedSecretScope sealingScope = parseScope();
    RSAPublicKey key = publicKey();
    if (raw) {
      sealRaw(key, sealingScope == null ? SealedSecretScope.STRICT : sealingScope);
    } else {
      sealManifests(key, sealingScope);
    }
    return ExitCode.OK;
  }

  private SealedSecretScope parseScope() {
    try {
      return scope == null ? null : SealedSecretScope.parse(scope);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--scope: " + e.getMessage());
    }
  }

  /** {@code -n} when given; the context's namespace is for the cluster, not for sealing. */
  private String explicitNamespace() {
    return spec.commandLine().getParseResult().hasMatchedOption("--namespace")
        ? cluster.namespace()
        : null;
  }

  private void sealRaw(RSAPublicKey key, SealedSecretScope sealingScope) throws IOException {
    String namespace = explicitNamespace();
    if (sealingScope != SealedSecretScope.CLUSTER_WIDE && namespace == null) {
      throw new ParameterException(spec.commandLine(), "--raw needs -n/--namespace");
    }
    if (sealingScope == SealedSecretScope.STRICT && (name == null || name.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "--raw with the strict scope needs --name");
    }
    if (fromFile != null && !Files.isRegularFile(fromFile)) {
      throw new CliException(ExitCode.FAILED, fromFile + ": no such file");
    }
    byte[] value = fromFile != null ? Files.readAllBytes(fromFile) : readStdin();
    byte[] sealed = new HybridSealer().seal(key, sealingScope.label(namespace, name), value);
    spec.commandLine().getOut().print(Base64.getEncoder().encodeToString(sealed));
    spec.commandLine().getOut().flush();
  }

  private void sealManifests(RSAPublicKey key, SealedSecretScope sealingScope) throws IOException {
    String source = file != null ? file.toString() : "stdin";
    if (file != null && !Files.isRegularFile(file)) {
      throw new CliException(ExitCode.FAILED, file + ": no such file");
    }
    String text =
        file != null ? Files.readString(file) : new String(readStdin(), StandardCharsets.UTF_8);
    List<ObjectNode> sealed = new ArrayList<>();
    SecretSealer sealer = new SecretSealer(new HybridSealer());
    for (ObjectNode secret : secrets(source, text)) {
      if (name != null) {
        secret.with("metadata").put("name", name);
      }
      String namespace = explicitNamespace();
      String declared = secret.path("metadata").path("namespace").asText("");
      if (namespace != null && !declared.isEmpty() && !declared.equals(namespace)) {
        throw new CliException(
            ExitCode.FAILED,
            source + ": the Secret is in namespace " + declared + " but -n says " + namespace);
      }
      try {
        sealed.add(sealer.seal(secret, key, sealingScope, namespace));
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCode.FAILED, source + ": " + e.getMessage());
      }
    }
    spec.commandLine().getOut().print(render(sealed));
    spec.commandLine().getOut().flush();
  }

  private static List<ObjectNode> secrets(String source, String text) {
    List<ObjectNode> secrets = new ArrayList<>();
    try {
      for (YamlDocument document : YamlReader.defaults().readAll(source, text)) {
        if (document.content() instanceof ObjectNode object
            && "Secret".equals(object.path("kind").asText())) {
          secrets.add(object);
        } else {
          throw new CliException(
              ExitCode.FAILED, document.origin() + ": not a Secret; only Secrets can be sealed");
        }
      }
    } catch (ManifestException e) {
      throw new CliException(ExitCode.FAILED, e.getMessage(), e);
    }
    if (secrets.isEmpty()) {
      throw new CliException(ExitCode.FAILED, source + ": no Secret to seal");
    }
    return secrets;
  }

  private String render(List<ObjectNode> sealed) throws JsonProcessingException {
    return switch (output) {
      case "yaml" -> YamlWriter.writeAll(sealed);
      case "json" -> {
        StringBuilder json = new StringBuilder();
        for (ObjectNode node : sealed) {
          json.append(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(node))
              .append('\n');
        }
        yield json.toString();
      }
      default -> throw new ParameterException(spec.commandLine(), "-o: yaml or json");
    };
  }

  private RSAPublicKey publicKey() throws IOException {
    String source = cert != null ? cert : "the cluster's active sealing key";
    String pem = cert != null ? readCertificate(cert) : clusterCertificate();
    try {
      SealingCertificate certificate = SealingKeyPem.readCertificate(source, pem);
      return SealingKeyPem.sealingKeyOf(source, certificate, Instant.now());
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.FAILED, e.getMessage(), e);
    }
  }

  private static String readCertificate(String location) throws IOException {
    if (!location.startsWith("http://") && !location.startsWith("https://")) {
      Path path = Path.of(location.startsWith("file://") ? location.substring(7) : location);
      if (!Files.isRegularFile(path)) {
        throw new CliException(ExitCode.FAILED, location + ": no such certificate file");
      }
      return Files.readString(path, StandardCharsets.US_ASCII);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
      if (response.statusCode() != 200) {
        throw new CliException(
            ExitCode.FAILED, "cannot fetch " + location + ": HTTP " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.FAILED, "interrupted while fetching " + location);
    }
  }

  /** The certificate of the newest active sealing key (reads tls.crt only). */
  private String clusterCertificate() {
    try (KubernetesClient client = cluster.client()) {
      Secret newest =
          client
              .secrets()
              .inNamespace(controllerNamespace)
              .withLabel(KEY_LABEL, "active")
              .list()
              .getItems()
              .stream()
              .filter(secret -> secret.getData() != null && secret.getData().get("tls.crt") != null)
              .max(Comparator.comparing(secret -> secret.getMetadata().getCreationTimestamp()))
              .orElseThrow(
                  () ->
                      new CliException(
                          ExitCode.FAILED,
                          "no active sealing key in namespace "
                              + controllerNamespace
                              + " (a Secret labelled "
                              + KEY_LABEL
                              + "=active); pass --cert FILE|URL"));
      return new String(
          Base64.getDecoder().decode(newest.getData().get("tls.crt")), StandardCharsets.US_ASCII);
    }
  }

  private static byte[] readStdin() throws IOException {
    InputStream in = System.in;
    return in.readAllBytes();
  }
}
