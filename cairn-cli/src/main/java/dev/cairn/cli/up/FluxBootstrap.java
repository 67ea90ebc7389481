package dev.cairn.cli.up;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.cli.CliException;
import dev.cairn.cli.ExitCode;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.render.RenderException;
import dev.cairn.render.RenderInputs;
import dev.cairn.source.artifact.DirectoryTrees;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Applies a {@link FluxBootstrapLayout}'s directory once, as {@code flux bootstrap} (or {@code
 * kubectl apply -k}) would, so the fleet's own GitRepository and Kustomization become the root.
 * Flux's own controllers and CRDs are not applied: Cairn takes their place. The directory is built
 * the way Flux builds it (cairn-render: a generated kustomization when it has none, Flux kinds
 * translated to {@code cairn.dev/v1}).
 */
public final class FluxBootstrap {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;

  public FluxBootstrap(KubernetesClient client) {
    this.client = client;
  }

  /** What was applied and what was left out, for one line of output. */
  public record Result(List<String> applied, List<String> skipped) {}

  /** Builds {@code layout.directory()} of {@code repositoryRoot} without Flux's components. */
  public Result apply(FluxBootstrapLayout layout, Path repositoryRoot) {
    List<String> skipped = new ArrayList<>();
    // The renderer's Flux dialect also leaves out Flux's own objects found elsewhere.
    List<KubeObject> kept = render(repositoryRoot.resolve(layout.directory()), skipped);
    Set<String> namespaces = new LinkedHashSet<>();
    kept.stream().map(KubeObject::namespace).filter(ns -> ns != null).forEach(namespaces::add);
    for (String namespace : namespaces) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .fieldManager(Bootstrap.FIELD_MANAGER)
          .serverSideApply();
    }
    if (layout.secretName() != null) {
      placeholderSecret(layout.sourceNamespace(), layout.secretName());
    }
    List<String> applied = new ArrayList<>();
    for (KubeObject object : kept) {
      GenericKubernetesResource resource =
          client
              .getKubernetesSerialization()
              .convertValue(object.node(), GenericKubernetesResource.class);
      var resources = client.genericKubernetesResources(object.apiVersion(), object.kind());
      (object.namespace() == null
              ? resources.resource(resource)
              : resources.inNamespace(object.namespace()).resource(resource))
          .fieldManager(Bootstrap.FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
      applied.add(
          object.kind()
              + "/"
              + (object.namespace() == null ? "" : object.namespace() + "/")
              + object.name());
    }
    return new Result(applied, skipped);
  }

  /**
   * {@code flux bootstrap} leaves the GitRepository's credentials in a Secret that is not in Git.
   * The served copy needs none (a rewritten fetch drops them), but the Secret must exist; an
   * existing one is left alone.
   */
  private void placeholderSecret(String namespace, String name) {
    if (client.secrets().inNamespace(namespace).withName(name).get() != null) {
      return;
    }
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToAnnotations(
                    "cairn.dev/note",
                    "placeholder made by cairn up; the served copy needs no credentials")
                .endMetadata()
                .withStringData(Map.of("username", "git", "password", UUID.randomUUID().toString()))
                .build())
        .create();
  }

  private static List<KubeObject> render(Path directory, List<String> skipped) {
    Path copy = null;
    try {
      copy = Files.createTempDirectory("cairn-bootstrap-");
      copyFiles(directory, copy);
      dropComponents(copy.resolve("kustomization.yaml"));
      if (Files.exists(directory.resolve(FluxBootstrapLayout.COMPONENTS_FILE))) {
        skipped.add(FluxBootstrapLayout.COMPONENTS_FILE);
      }
      KustomizationSpec spec =
          JSON.convertValue(
              Map.of(
                  "interval",
                  "10m",
                  "path",
                  ".",
                  "prune",
                  true,
                  "sourceRef",
                  Map.of("kind", "GitRepository", "name", "bootstrap")),
              KustomizationSpec.class);
      return KustomizationRenderer.defaults().render(copy, spec, RenderInputs.none()).objects();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + directory, e);
    } catch (RenderException e) {
      throw new CliException(ExitCode.FAILED, "cannot build " + directory + ": " + e.getMessage());
    } finally {
      if (copy != null) {
        DirectoryTrees.deleteQuietly(copy);
      }
    }
  }

  /** Removes the components file from {@code resources} of a kustomization file, if listed. */
  private static void dropComponents(Path kustomization) throws IOException {
    if (!Files.exists(kustomization)) {
      return;
    }
    JsonNode root = YAML.readTree(kustomization.toFile());
    if (root instanceof ObjectNode file && file.get("resources") instanceof ArrayNode resources) {
      for (int i = resources.size() - 1; i >= 0; i--) {
        String entry = RepoPaths.relative(resources.get(i).asText());
        if (entry.equals(FluxBootstrapLayout.COMPONENTS_FILE)) {
          resources.remove(i);
        }
      }
      YAML.writeValue(kustomization.toFile(), file);
    }
  }

  private static void copyFiles(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().equals(FluxBootstrapLayout.COMPONENTS_FILE)
            || !file.getParent().equals(from)) {
          Files.copy(file, target);
        }
      }
    }
  }
}
