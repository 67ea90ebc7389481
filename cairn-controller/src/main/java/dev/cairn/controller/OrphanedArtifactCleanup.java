package dev.cairn.controller;

import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.OCIRepository;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the stored artifacts of sources that are gone from the cluster. Sources carry no
 * finalizer and every replica keeps its own store, so a deleted GitRepository, OCIRepository,
 * HelmRepository or HelmChart would otherwise leave its artifacts behind for good. Each round lists
 * those kinds (in the watched namespaces) and then deletes the store directory of every source not
 * listed, unless the directory changed within {@link #UNTOUCHED_FOR}: the store is walked after the
 * list, so a source created meanwhile is protected by its fresh directory. A failed list deletes
 * nothing.
 */
final class OrphanedArtifactCleanup implements StorageCleanup.Chore {
  static final Duration UNTOUCHED_FOR = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(OrphanedArtifactCleanup.class);

  /** The store's kind directories and the object each belongs to. */
  private static final Map<String, Class<? extends HasMetadata>> OWNERS =
      Map.of(
          "gitrepository", GitRepository.class,
          "helmrepository", HelmRepository.class,
          "helmchart", HelmChart.class,
          "ocirepository", OCIRepository.class,
          "helmrepository-index", HelmChart.class);

  private final KubernetesClient client;
  private final ArtifactStore store;
  private final Set<String> namespaces;
  private final Clock clock;

  /**
   * @param namespaces the watched namespaces; empty means all
   */
  OrphanedArtifactCleanup(
      KubernetesClient client, ArtifactStore store, Set<String> namespaces, Clock clock) {
    this.client = client;
    this.store = store;
    this.namespaces = Set.copyOf(namespaces);
    this.clock = clock;
  }

  /** Deletes the artifacts of sources no longer in the cluster; returns how many. Never throws. */
  @Override
  public int runOnce() {
    try {
      if (candidates().isEmpty()) {
        return 0;
      }
      Set<SourceKey> present = present();
      int deleted = 0;
      for (StoredSource stored : candidates()) {
        if (!present.contains(stored.key())) {
          store.delete(stored.key());
          LOG.info("deleted the artifacts of {}: the source is gone", stored.key());
          deleted++;
        }
      }
      return deleted;
    } catch (SourceException | KubernetesClientException e) {
      LOG.warn("artifact cleanup failed; retrying in {}: {}", StorageCleanup.EVERY, e.getMessage());
      return 0;
    }
  }

  /** Stored sources of a known kind whose directory is older than {@link #UNTOUCHED_FOR}. */
  private List<StoredSource> candidates() throws SourceException {
    Instant cutoff = clock.instant().minus(UNTOUCHED_FOR);
    return store.sources().stream()
        .filter(s -> OWNERS.containsKey(s.key().kind()))
        .filter(s -> s.lastChanged().isBefore(cutoff))
        .toList();
  }

  /** The store keys of every source object in the cluster, for each kind directory. */
  private Set<SourceKey> present() {
    Set<SourceKey> keys = new HashSet<>();
    Map<Class<? extends HasMetadata>, List<? extends HasMetadata>> listed = new HashMap<>();
    for (Map.Entry<String, Class<? extends HasMetadata>> owner : OWNERS.entrySet()) {
      for (HasMetadata object : listed.computeIfAbsent(owner.getValue(), this::list)) {
        keys.add(
            new SourceKey(
                owner.getKey(),
                object.getMetadata().getNamespace(),
                object.getMetadata().getName()));
      }
    }
    return keys;
  }

  private List<? extends HasMetadata> list(Class<? extends HasMetadata> kind) {
    if (namespaces.isEmpty()) {
      return client.resources(kind).inAnyNamespace().list().getItems();
    }
    return namespaces.stream()
        .flatMap(ns -> client.resources(kind).inNamespace(ns).list().getItems().stream())
        .toList();
  }
}
