package dev.cairn.cli.up;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.api.FluxApiVersions;
import dev.cairn.cli.CliException;
import dev.cairn.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A self-managing root as {@code flux bootstrap} writes it: under the cluster directory ({@code
 * clusters/<name>}), a directory (normally {@code flux-system}) with {@code gotk-sync.yaml} holding
 * a GitRepository and a Kustomization that syncs the cluster directory from it, {@code
 * kustomization.yaml} and usually {@code gotk-components.yaml} (Flux's own controllers and CRDs).
 *
 * @param directory the bootstrap directory, relative to the repository root ({@code
 *     clusters/my-cluster/flux-system})
 * @param sourceName the GitRepository's name
 * @param sourceNamespace the GitRepository's namespace
 * @param url the repository URL the GitRepository names
 * @param branch the branch it follows ({@code main} when it names none)
 * @param secretName its {@code secretRef}, or null
 */
public record FluxBootstrapLayout(
    Path directory,
    String sourceName,
    String sourceNamespace,
    String url,
    String branch,
    String secretName) {
  static final String SYNC_FILE = "gotk-sync.yaml";
  static final String COMPONENTS_FILE = "gotk-components.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * The bootstrap directory directly under {@code clusterPath} of {@code repositoryRoot}, if any.
   */
  public static Optional<FluxBootstrapLayout> find(Path repositoryRoot, String clusterPath) {
    Path cluster = repositoryRoot.resolve(RepoPaths.relative(clusterPath)).normalize();
    if (!Files.isDirectory(cluster)) {
      return Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    try (Stream<Path> children = Files.list(cluster)) {
      children
          .filter(child -> Files.isRegularFile(child.resolve(SYNC_FILE)))
          .sorted()
          .forEach(candidates::add);
    } catch (IOException e) {
      return Optional.empty();
    }
    for (Path candidate : candidates) {
      Optional<FluxBootstrapLayout> layout =
          read(candidate.resolve(SYNC_FILE), repositoryRoot.relativize(candidate));
      if (layout.isPresent()) {
        return layout;
      }
    }
    return Optional.empty();
  }

  private static Optional<FluxBootstrapLayout> read(Path syncFile, Path directory) {
    try (MappingIterator<JsonNode> documents =
        YAML.readerFor(JsonNode.class).readValues(syncFile.toFile())) {
      while (documents.hasNext()) {
        JsonNode doc = documents.next();
        if (doc != null
            && "GitRepository".equals(doc.path("kind").asText())
            && FluxApiVersions.isFlux(doc.path("apiVersion").asText())) {
          JsonNode spec = doc.path("spec");
          String branch = spec.at("/ref/branch").asText("");
          String secret = spec.at("/secretRef/name").asText("");
          return Optional.of(
              new FluxBootstrapLayout(
                  directory,
                  doc.at("/metadata/name").asText(),
                  doc.at("/metadata/namespace").asText("flux-system"),
                  spec.path("url").asText(),
                  branch.isEmpty() ? "main" : branch,
                  secret.isEmpty() ? null : secret));
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      throw new CliException(
          ExitCode.FAILED,
          "cannot read " + syncFile + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
