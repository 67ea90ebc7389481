package dev.cairn.cli.cluster;

import dev.cairn.api.argo.AppResourceStatus;
import dev.cairn.api.argo.Application;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.argo.ApplicationManifests;
import dev.cairn.engine.argo.ChartSourceFetchers;
import dev.cairn.engine.argo.ClusterVersion;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import dev.cairn.render.argo.ArgoSourceRenderer;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code cairn app diff}: the Application's desired state rendered by the engine's own steps
 * ({@link ApplicationManifests}) and diffed per object against the cluster by the apply engine
 * (Secret values masked), plus the objects the last sync left that a sync with prune would delete.
 */
public final class ApplicationDiff implements AutoCloseable {

  /** One object's difference; {@code diff} is empty when the cluster matches. */
  public record ObjectDiff(String object, String diff) {}

  private final KubernetesClient client;
  private final Path storage;
  private final ApplicationManifests manifests;

  public ApplicationDiff(KubernetesClient client) {
    this.client = client;
    try {
      this.storage = Files.createTempDirectory("cairn-app-diff-");
      ArtifactStore store =
          new ArtifactStore(storage.resolve("artifacts"), ArtifactStoreOptions.defaults());
      this.manifests =
          new ApplicationManifests(
              new GitFetcher(storage.resolve("git"), store),
              new ChartSourceFetchers(
                  new HelmRepositoryFetcher(store, HelmFetcherOptions.defaults()),
                  new OciChartFetcher(store, HelmFetcherOptions.defaults())),
              ArgoSourceRenderer.defaults(),
              new Fabric8ClusterClient(client),
              new ClusterVersion(client));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SourceException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** A diff per desired object, then one per object that requires pruning. */
  public List<ObjectDiff> diff(Application app) {
    ApplicationManifests.Desired desired = manifests.render(app, ApplyOptions.defaults());
    List<ObjectDiff> result = new ArrayList<>();
    try (ResourceManager manager = new ResourceManager(new Fabric8ClusterClient(client))) {
      for (KubeObject object : desired.resources()) {
        result.add(new ObjectDiff(label(object), manager.diff(object, desired.options())));
      }
    }
    result.addAll(toPrune(app, desired.resources()));
    return result;
  }

  /** What the last sync left ({@code status.resources}) that the desired state lacks and exists. */
  private List<ObjectDiff> toPrune(Application app, List<KubeObject> desired) {
    if (app.getStatus() == null || app.getStatus().getResources() == null) {
      return List.of();
    }
    List<String> wanted = desired.stream().map(ApplicationDiff::label).toList();
    Fabric8ClusterClient cluster = new Fabric8ClusterClient(client);
    List<ObjectDiff> result = new ArrayList<>();
    for (AppResourceStatus r : app.getStatus().getResources()) {
      ObjectId id =
          new ObjectId(
              Objects.toString(r.group(), ""), r.version(), r.kind(), r.namespace(), r.name());
      String label = label(r.kind(), r.namespace(), r.name());
      if (Boolean.TRUE.equals(r.hook()) || wanted.contains(label) || cluster.get(id).isEmpty()) {
        continue;
      }
      result.add(
          new ObjectDiff(
              label,
              "--- live/"
                  + id
                  + "\n+++ /dev/null\n"
                  + "# not in the desired state: a sync with --prune deletes it\n"));
    }
    return result;
  }

  private static String label(KubeObject object) {
    return label(object.kind(), object.namespace(), object.name());
  }

  private static String label(String kind, String namespace, String name) {
    return kind
        + "/"
        + (namespace == null || namespace.isEmpty() ? "" : namespace + "/")
        + Objects.toString(name, "");
  }

  @Override
  public void close() {
    DirectoryTrees.deleteQuietly(storage);
  }
}
