package dev.cairn.bench;

import dev.cairn.controller.KubeconfigFiles;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.cluster.SimulatedCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The simulated cluster a benchmark runs against: in this JVM ({@link #inProcess()}), or in a JVM
 * of its own started by {@link SimClusterMain} ({@link #remote(Path)}), whose request counts and
 * heap are read over its stats endpoint.
 */
final class BenchCluster implements AutoCloseable {
  private final SimulatedCluster local;
  private final KubernetesClient client;
  private final URI stats;

  private BenchCluster(SimulatedCluster local, KubernetesClient client, URI stats) {
    this.local = local;
    this.client = client;
    this.stats = stats;
  }

  /** A new simulated cluster in this JVM, Cairn's CRDs installed. */
  static BenchCluster inProcess() {
    SimulatedCluster cluster = SimulatedCluster.start();
    CairnCrdInstaller.installAll(cluster.client());
    return new BenchCluster(cluster, cluster.client(), null);
  }

  /** The cluster {@link SimClusterMain} serves, found by its kubeconfig. */
  static BenchCluster remote(Path kubeconfig) {
    try {
      Config config = KubeconfigFiles.withoutRereads(Config.fromKubeconfig(kubeconfig.toFile()));
      config.setHttp2Disable(true);
      config.setRequestRetryBackoffLimit(0);
      URI stats = URI.create(Files.readString(SimClusterMain.statsFile(kubeconfig)).strip());
      return new BenchCluster(
          null, new KubernetesClientBuilder().withConfig(config).build(), stats);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + kubeconfig + " or its .stats file (is SimClusterMain running?)", e);
    }
  }

  static BenchCluster of(BenchOptions options) {
    return options.cluster() == null ? inProcess() : remote(options.cluster());
  }

  KubernetesClient client() {
    return client;
  }

  /** "in this JVM" or "in its own JVM", for reports. */
  String where() {
    return local != null ? "in this JVM" : "in its own JVM";
  }

  /** Creates a namespace unless it exists (shards share theirs). */
  void ensureNamespace(String name) {
    try {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  /** Requests counted so far, {@code "patch kustomizations.cairn.dev/status" -> 1000}. */
  Map<String, Long> requests() {
    if (local != null) {
      return new TreeMap<>(local.requests().snapshot());
    }
    Map<String, Long> counts = new TreeMap<>();
    for (String line : fetch("/requests").split("\n")) {
      int tab = line.lastIndexOf('\t');
      if (tab > 0) {
        counts.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1).strip()));
      }
    }
    return counts;
  }

  /** The peak heap in use of the cluster's own JVM, bytes; empty when it runs in this one. */
  OptionalLong clusterPeakHeap() {
    if (local != null) {
      return OptionalLong.empty();
    }
    String[] fields = fetch("/heap").strip().split(" ");
    return OptionalLong.of(Long.parseLong(fields[2]));
  }

  private String fetch(String path) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(stats.resolve(path)).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(stats.resolve(path) + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + stats.resolve(path), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (local != null) {
      local.close();
    } else {
      client.close();
    }
  }
}
