package dev.cairn.server.dashboard.fleet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.kustomize.DecryptionKeys;
import dev.cairn.engine.kustomize.SubstitutionSources;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.render.RenderInputs;
import dev.cairn.render.RenderedSet;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.artifact.StoredArtifact;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kustomization's diff between Git and the cluster, computed as {@code cairn diff} computes it:
 * the source's stored artifact rendered with the live spec (its substitutions and SOPS keys read
 * from the cluster, as the controller does), then each object diffed against the cluster by the
 * apply engine, which masks Secret values. Reads the artifact store of the controller running in
 * this process.
 */
public final class KustomizationGitDiff implements GitDiff {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final KubernetesClient client;
  private final FleetCache cache;
  private final Path storeRoot;

  /**
   * @param storeRoot the controller's artifact store ({@code <storage path>/artifacts})
   */
  public KustomizationGitDiff(KubernetesClient client, FleetCache cache, Path storeRoot) {
    this.client = client;
    this.cache = cache;
    this.storeRoot = storeRoot;
  }

  @Override
  public boolean supports(FleetObject object) {
    return object.ref().kind().equals("Kustomization") && !object.sources().isEmpty();
  }

  @Override
  public List<ObjectDiff> diff(FleetObject object) {
    FleetRef sourceRef = object.sources().get(0);
    FleetObject source =
        cache
            .find(sourceRef)
            .orElseThrow(() -> new IllegalStateException("source " + sourceRef + " not found"));
    JsonNode artifact = source.object().at("/status/artifact");
    if (artifact.isMissingNode()) {
      throw new IllegalStateException("source " + sourceRef + " has no artifact yet");
    }
    KustomizationSpec spec;
    try {
      spec = MAPPER.treeToValue(object.object().path("spec"), KustomizationSpec.class);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the spec: " + e.getMessage(), e);
    }
    Path dir = null;
    try {
      ArtifactStore store = new ArtifactStore(storeRoot, ArtifactStoreOptions.defaults());
      dir = Files.createTempDirectory("cairn-dashboard-diff-");
      store.extract(stored(artifact), dir);
      String namespace = object.ref().namespace();
      RenderInputs inputs =
          new SubstitutionSources(client)
              .read(namespace, spec.postBuild())
              .withDecryptionKeys(new DecryptionKeys(client).read(namespace, spec.decryption()));
      RenderedSet set = KustomizationRenderer.defaults().render(dir, spec, inputs);
      return diffs(object.ref(), set);
    } catch (SourceException e) {
      throw new IllegalStateException("cannot unpack the source's artifact: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private List<ObjectDiff> diffs(FleetRef ref, RenderedSet set) {
    ApplyOptions options =
        ApplyOptions.defaults()
            .withLabels(
                Map.of("cairn.dev/name", ref.name(), "cairn.dev/namespace", ref.namespace()));
    List<ObjectDiff> result = new ArrayList<>();
    try (ResourceManager manager = new ResourceManager(new Fabric8ClusterClient(client))) {
      for (KubeObject object : set.objects()) {
        FleetRef label = new FleetRef(object.kind(), object.namespace(), object.name());
        result.add(new ObjectDiff(label.toString(), manager.diff(object, options)));
      }
    }
    return result;
  }

  private static StoredArtifact stored(JsonNode artifact) {
    return new StoredArtifact(
        artifact.path("revision").asText(),
        artifact.path("digest").asText(),
        artifact.path("path").asText(),
        Instant.parse(artifact.path("lastUpdateTime").asText()),
        artifact.path("size").asLong(0));
  }

  private static void delete(Path dir) {
    if (dir != null) {
      DirectoryTrees.deleteQuietly(dir);
    }
  }
}
