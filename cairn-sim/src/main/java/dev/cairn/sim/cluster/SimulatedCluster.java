package dev.cairn.sim.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * A Kubernetes API server simulated in this JVM on 127.0.0.1 (a free port, plain HTTP unless the
 * options give it a certificate; bearer tokens through {@link #registerToken}): an object store
 * with server-side apply, dry-run, status subresources, generation, CRD and namespace lifecycle,
 * garbage collection, watches, a readiness simulator and request counting, served by {@link
 * ApiHttpServer}. The module README lists what is modelled and what is not.
 *
 * <pre>{@code
 * try (SimulatedCluster cluster = SimulatedCluster.start()) {
 *   KubernetesClient client = cluster.client();
 *   ...
 * }
 * }</pre>
 */
public final class SimulatedCluster implements AutoCloseable {
  /** Context (and cluster and user) name in {@link #writeKubeconfig(Path)}. */
  public static final String CONTEXT = "simulated-cluster";

  private final int port;
  private ApiHttpServer server;
  private final SimulatedApiDispatcher dispatcher;
  private final ReadinessSimulator readiness;
  private final VolumeBinder volumes;
  private final ScheduledThreadPoolExecutor controllers;
  private final KubernetesClient client;
  private final ServingTls tls;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  private SimulatedCluster(SimulatedClusterOptions options) {
    this.tls = options.tls();
    this.controllers = new ScheduledThreadPoolExecutor(1, SimulatedCluster::controllerThread);
    controllers.setRemoveOnCancelPolicy(true);
    this.dispatcher = new SimulatedApiDispatcher(options.validator(), controllers);
    this.readiness =
        new ReadinessSimulator(
            dispatcher.writer(),
            dispatcher.types(),
            dispatcher.lock(),
            controllers,
            options.readinessDelay());
    if (options.readinessEnabled()) {
      dispatcher.store().addListener(readiness.listener());
    }
    this.volumes =
        new VolumeBinder(
            dispatcher.writer(),
            dispatcher.deletes(),
            dispatcher.types(),
            dispatcher.lock(),
            controllers);
    dispatcher.store().addListener(volumes.listener());
    this.server = ApiHttpServer.start(dispatcher, 0, tls, tokens);
    this.port = server.port();
    this.client = new KubernetesClientBuilder().withConfig(config()).build();
  }

  private static Thread controllerThread(Runnable task) {
    Thread thread = new Thread(task, "simulated-cluster-controllers");
    thread.setDaemon(true);
    return thread;
  }

  /** Starts a cluster with {@link SimulatedClusterOptions#defaults()}. */
  public static SimulatedCluster start() {
    return start(SimulatedClusterOptions.defaults());
  }

  public static SimulatedCluster start(SimulatedClusterOptions options) {
    return new SimulatedCluster(options);
  }

  /** A fabric8 client for this cluster (namespace {@code default}); closed with the cluster. */
  public KubernetesClient client() {
    return client;
  }

  /** A fabric8 client config for this cluster, to build further clients. */
  public Config config() {
    ConfigBuilder config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(masterUrl())
            .withNamespace("default")
            .withHttp2Disable(true)
            .withRequestRetryBackoffLimit(0);
    if (tls != null) {
      config.withCaCertData(base64(tls.caPem()));
    }
    return config.build();
  }

  /** {@code http://127.0.0.1:<port>}, or {@code https://} when serving TLS. */
  public String masterUrl() {
    return (tls == null ? "http" : "https") + "://127.0.0.1:" + port;
  }

  /**
   * Lets requests carrying {@code Authorization: Bearer <token>} act as {@code user} (for a service
   * account {@code system:serviceaccount:<namespace>:<name>}), authorized by RBAC as an
   * impersonated identity is; a bearer token not registered is answered 401. Requests without a
   * token still act as the admin.
   */
  public void registerToken(String token, String user) {
    tokens.put(token, user);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes a kubeconfig for this cluster (context {@value #CONTEXT}) that kubectl and fabric8 can
   * use, and returns {@code file}.
   */
  public Path writeKubeconfig(Path file) {
    String yaml =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: " + CONTEXT,
            "  cluster:",
            "    server: "
                + masterUrl()
                + (tls == null ? "" : "\n    certificate-authority-data: " + base64(tls.caPem())),
            "users:",
            "- name: " + CONTEXT,
            "  user: {}",
            "contexts:",
            "- name: " + CONTEXT,
            "  context:",
            "    cluster: " + CONTEXT,
            "    user: " + CONTEXT,
            "    namespace: default",
            "current-context: " + CONTEXT,
            "");
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfig to " + file, e);
    }
  }

  /**
   * Stops answering, as an API server that went away: connections to {@link #masterUrl()} are
   * refused and open watches end, until {@link #resumeServing()}. The objects stay.
   */
  public synchronized void stopServing() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Answers again on the same port, with the same objects, after {@link #stopServing()}. */
  public synchronized void resumeServing() {
    if (server == null) {
      server = ApiHttpServer.start(dispatcher, port, tls, tokens);
    }
  }

  /**
   * Restarts the API server, as kube-apiserver restarting in front of the same etcd: every open
   * watch ends, the watch history is gone, so a watch or an exact list from a resourceVersion older
   * than the restart gets 410 Gone (reason Expired) and the client must list again; the objects
   * stay and resourceVersions go on from where they were. Answers again on the same port on return.
   */
  public synchronized void restart() {
    stopServing();
    dispatcher.forgetWatches();
    resumeServing();
  }

  /**
   * Holds the next write of one object until the returned {@link HeldWrite} is released or dropped.
   *
   * @param resource as the server names it: {@code configmaps}, {@code deployments.apps}
   * @param namespace null for a cluster-scoped object
   */
  public HeldWrite holdNextWrite(String resource, String namespace, String name) {
    return dispatcher.holdNextWrite(resource, namespace, name);
  }

  /** Counts of the requests this cluster received. */
  public RequestCounter requests() {
    return dispatcher.requests();
  }

  /** Faults to answer requests with instead of the cluster (500, 429, timeouts). */
  public Faults faults() {
    return dispatcher.faults();
  }

  /** The volume binder: claims are provisioned and bound unless their class is kept pending. */
  public VolumeBinder volumes() {
    return volumes;
  }

  /** The readiness simulator (failures, delay). */
  public ReadinessSimulator readiness() {
    return readiness;
  }

  @Override
  public void close() {
    client.close();
    controllers.shutdownNow();
    stopServing();
  }
}
