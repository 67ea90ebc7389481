package dev.cairn.cli.up;

import dev.cairn.cli.CliException;
import dev.cairn.cli.ExitCode;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlReader;
import dev.cairn.render.dialect.ArgoDialect;
import dev.cairn.render.dialect.DialectTranslator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An Argo CD bootstrap directory: {@code --path} holds only Argo CD manifests ({@code
 * argoproj.io/v1alpha1} Applications and AppProjects, e.g. the root Application of an app of apps).
 * They are applied once, as {@code kubectl apply -f bootstrap/} does after an Argo CD install
 * (translated to {@code cairn.dev/v1}, their namespaces created); the root Application then keeps
 * the rest in sync. No GitRepository or Kustomization is created.
 */
public final class ArgoBootstrap {
  private final KubernetesClient client;

  public ArgoBootstrap(KubernetesClient client) {
    this.client = client;
  }

  /** The objects of {@code path} when they are all Argo CD manifests; empty otherwise. */
  public static Optional<List<KubeObject>> find(Path repositoryRoot, String path) {
    Path dir = repositoryRoot.resolve(RepoPaths.relative(path)).normalize();
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<KubeObject> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file) || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
          continue;
        }
        objects.addAll(
            YamlReader.defaults()
                .readObjects(name, Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    } catch (ManifestException e) {
      return Optional.empty();
    }
    boolean argo =
        !objects.isEmpty()
            && objects.stream().allMatch(o -> ArgoDialect.ARGO_API_VERSION.equals(o.apiVersion()));
    return argo ? Optional.of(objects) : Optional.empty();
  }

  /** Applies the objects, translated, after creating their namespaces; returns what it applied. */
  public List<KubeObject> apply(List<KubeObject> objects) {
    new Bootstrap(client).installCrds();
    List<KubeObject> translated = DialectTranslator.defaults().translate(objects);
    Set<String> namespaces = new LinkedHashSet<>();
    translated.stream()
        .map(KubeObject::namespace)
        .filter(ns -> ns != null)
        .forEach(namespaces::add);
    for (String namespace : namespaces) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .fieldManager(Bootstrap.FIELD_MANAGER)
          .serverSideApply();
    }
    for (KubeObject object : translated) {
      if (object.namespace() == null) {
        throw new CliException(
            ExitCode.FAILED,
            object.kind() + "/" + object.name() + " in the bootstrap directory has no namespace");
      }
      GenericKubernetesResource resource =
          client
              .getKubernetesSerialization()
              .convertValue(object.node(), GenericKubernetesResource.class);
      client
          .genericKubernetesResources(object.apiVersion(), object.kind())
          .inNamespace(object.namespace())
          .resource(resource)
          .fieldManager(Bootstrap.FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
    }
    return translated;
  }
}
