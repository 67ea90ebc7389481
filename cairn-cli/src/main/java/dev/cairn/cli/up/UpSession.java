package dev.cairn.cli.up;

import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.cli.cluster.CairnObjectRef;
import dev.cairn.cli.cluster.CairnObjects;
import dev.cairn.cli.cluster.ObjectStatus;
import dev.cairn.sim.cluster.SimulatedCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of {@code cairn up}: the cluster (simulated in-process, or a real one), the repository (a
 * served local working copy, or {@code --repo}), the bootstrap objects and the reconcilers. Closing
 * it stops everything in reverse order; the working copy stays on disk.
 */
public final class UpSession implements AutoCloseable {
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final UpSettings settings;
  private final PrintWriter info;
  private Path workDir;
  private Path kubeconfig;
  private LocalRepository repository;
  private KubernetesClient client;
  private CairnObjects objects;

  private UpSession(UpSettings settings, PrintWriter info) {
    this.settings = settings;
    this.info = info;
  }

  /** Starts everything and prints where things are; on failure, stops what was started. */
  public static UpSession start(
      UpSettings settings, ControllerStarter controllers, PrintWriter info) {
    UpSession session = new UpSession(settings, info);
    try {
      session.startAll(controllers);
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private void startAll(ControllerStarter controllers) {
    workDir = createWorkDir();
    connect();
    Bootstrap.Source source;
    if (settings.repoUrl() == null) {
      Path fleet = settings.fleet() != null ? settings.fleet() : FleetLocation.exampleFleet();
      repository = LocalRepository.create(fleet, workDir);
      resources.push(repository);
      info.println(
          "Working copy: " + repository.directory() + " (served at " + repository.url() + ")");
      source = new Bootstrap.Source(repository.url(), "main", settings.path(), "1m");
    } else {
      source = new Bootstrap.Source(settings.repoUrl(), settings.branch(), settings.path(), "1m");
      info.println("Repository: " + settings.repoUrl() + " branch " + settings.branch());
    }
    new Bootstrap(client).apply(source);
    info.println(
        "Bootstrapped namespace, GitRepository and Kustomization "
            + Bootstrap.NAME
            + " (path "
            + settings.path()
            + ")");
    resources.push(controllers.start(client, workDir.resolve("data")));
    if (repository != null) {
      watchBranch();
      info.println(
          "Make a change: edit and 'git commit -am ...' in "
              + repository.directory()
              + "; Cairn picks the commit up within seconds.");
    }
    info.flush();
  }

  private Path createWorkDir() {
    try {
      Path dir =
          settings.workDir() != null
              ? Files.createDirectories(settings.workDir())
              : Files.createTempDirectory("cairn-up-");
      return dir.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the working directory", e);
    }
  }

  private void connect() {
    if (settings.simulated()) {
      info.println(
          "Starting the simulated cluster (an in-process API server; it runs no containers)");
      SimulatedCluster cluster = SimulatedCluster.start();
      resources.push(cluster);
      kubeconfig = cluster.writeKubeconfig(workDir.resolve("kubeconfig"));
      info.println("Kubeconfig for kubectl and cairn get: " + kubeconfig);
      info.println("  export KUBECONFIG=" + kubeconfig);
      client = new KubernetesClientBuilder().withConfig(cluster.config()).build();
    } else {
      Config config =
          settings.kubeconfig() != null
              ? Config.fromKubeconfig(settings.context(), settings.kubeconfig().toFile())
              : Config.autoConfigure(settings.context());
      info.println(
          "Cluster: "
              + config.getMasterUrl()
              + " (context "
              + config.getCurrentContext().getName()
              + ")");
      client = new KubernetesClientBuilder().withConfig(config).build();
    }
    resources.push(client);
    objects = new CairnObjects(client);
  }

  /** Asks for a GitRepository reconcile whenever the working copy's main branch moves. */
  private void watchBranch() {
    ScheduledExecutorService watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "cairn-up-branch-watch");
              thread.setDaemon(true);
              return thread;
            });
    resources.push(watcher::shutdownNow);
    AtomicReference<String> seen = new AtomicReference<>(repository.head());
    CairnObjectRef source =
        new CairnObjectRef(CairnKind.GitRepository, Bootstrap.NAME, Bootstrap.NAME);
    watcher.scheduleWithFixedDelay(
        () -> {
          try {
            String head = repository.head();
            if (!head.equals(seen.getAndSet(head))) {
              objects.requestReconcile(source);
            }
          } catch (RuntimeException e) {
            // The working copy may be mid-commit; the next look sees the settled branch.
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  /** Every Cairn object in the cluster, by kind then namespace and name. */
  public List<ObjectStatus> statuses() {
    return objects.list(Arrays.asList(CairnKind.values()), null);
  }

  public CairnObjects objects() {
    return objects;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public Path workDir() {
    return workDir;
  }

  @Override
  public synchronized void close() {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        // Keep stopping the rest; a failure to stop one part must not leave the others running.
      }
    }
  }
}
