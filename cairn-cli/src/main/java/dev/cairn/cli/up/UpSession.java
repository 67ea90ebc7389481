package dev.cairn.cli.up;

import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.cli.cluster.CairnObjectRef;
import dev.cairn.cli.cluster.CairnObjects;
import dev.cairn.cli.cluster.ObjectStatus;
import dev.cairn.engine.notification.ReceiverGate;
import dev.cairn.manifest.KubeObject;
import dev.cairn.server.ReceiverServer;
import dev.cairn.server.dashboard.web.Dashboard;
import dev.cairn.server.dashboard.web.DashboardSettings;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.source.git.GitUrlRewrites;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private CairnObjectRef root;
  private URI dashboardUrl;

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
    GitUrlRewrites rewrites = GitUrlRewrites.none();
    Path fleet = null;
    if (settings.repoUrl() == null) {
      fleet = settings.fleet() != null ? settings.fleet() : FleetLocation.exampleFleet();
      Optional<FluxBootstrapLayout> flux = FluxBootstrapLayout.find(fleet, settings.path());
      String branch = flux.map(FluxBootstrapLayout::branch).orElse(settings.branch());
      repository = LocalRepository.create(fleet, workDir, LocalRepository.NAME, branch);
      resources.push(repository);
      info.println(
          "Working copy: " + repository.directory() + " (served at " + repository.url() + ")");
      for (String remote : FleetRemotes.urls(fleet)) {
        rewrites = rewrites.with(remote, repository.url());
      }
      rewrites = withAliases(rewrites, fleet);
      printRewrites(rewrites);
      Optional<List<KubeObject>> argo =
          flux.isPresent() ? Optional.empty() : ArgoBootstrap.find(fleet, settings.path());
      if (argo.isPresent()) {
        root = bootstrapArgo(argo.get());
      } else {
        root = flux.isPresent() ? bootstrapFlux(flux.get()) : bootstrap(repository.url(), branch);
      }
    } else {
      info.println("Repository: " + settings.repoUrl() + " branch " + settings.branch());
      rewrites = withAliases(rewrites, null);
      printRewrites(rewrites);
      root = bootstrap(settings.repoUrl(), settings.branch());
    }
    resources.push(controllers.start(client, workDir.resolve("data"), rewrites));
    startReceivers();
    if (repository != null) {
      watchBranch();
      info.println(
          "Make a change: edit and 'git commit -am ...' in "
              + repository.directory()
              + "; Cairn picks the commit up within seconds.");
    }
    info.flush();
  }

  private CairnObjectRef bootstrap(String url, String branch) {
    new Bootstrap(client).apply(new Bootstrap.Source(url, branch, settings.path(), "1m"));
    info.println(
        "Bootstrapped namespace, GitRepository and Kustomization "
            + Bootstrap.NAME
            + " (path "
            + settings.path()
            + ")");
    return new CairnObjectRef(CairnKind.GitRepository, Bootstrap.NAME, Bootstrap.NAME);
  }

  private CairnObjectRef bootstrapArgo(List<KubeObject> objects) {
    List<KubeObject> applied = new ArgoBootstrap(client).apply(objects);
    info.println(
        "Argo CD bootstrap in "
            + settings.path()
            + ": applied "
            + String.join(
                ", ",
                applied.stream().map(o -> o.kind() + "/" + o.namespace() + "/" + o.name()).toList())
            + " once; the root Application takes over");
    KubeObject app =
        applied.stream()
            .filter(o -> "Application".equals(o.kind()))
            .findFirst()
            .orElse(applied.get(0));
    return new CairnObjectRef(CairnKind.valueOf(app.kind()), app.namespace(), app.name());
  }

  private CairnObjectRef bootstrapFlux(FluxBootstrapLayout layout) {
    new Bootstrap(client).installCrds();
    FluxBootstrap.Result result = new FluxBootstrap(client).apply(layout, repository.directory());
    info.println(
        "Flux bootstrap layout in "
            + layout.directory()
            + ": applied "
            + String.join(", ", result.applied())
            + "; the fleet's root takes over (no "
            + Bootstrap.NAME
            + " root)");
    if (!result.skipped().isEmpty()) {
      info.println(
          "Skipped Flux's own controllers and CRDs (Cairn does their job): "
              + String.join(", ", result.skipped()));
    }
    return new CairnObjectRef(
        CairnKind.GitRepository, layout.sourceNamespace(), layout.sourceName());
  }

  /** Each {@code --git-alias URL=DIR}: DIR's served copy (the fleet's, when DIR is the fleet). */
  private GitUrlRewrites withAliases(GitUrlRewrites rewrites, Path fleet) {
    Map<Path, String> served = new HashMap<>();
    if (fleet != null) {
      served.put(realPath(fleet), repository.url());
    }
    for (Map.Entry<String, Path> alias : settings.gitAliases().entrySet()) {
      String url =
          served.computeIfAbsent(
              realPath(alias.getValue()),
              dir -> {
                LocalRepository copy =
                    LocalRepository.create(
                        dir, workDir, "alias-" + (served.size() + 1), FleetRemotes.branch(dir));
                resources.push(copy);
                return copy.url();
              });
      rewrites = rewrites.with(alias.getKey(), url);
    }
    return rewrites;
  }

  private void printRewrites(GitUrlRewrites rewrites) {
    rewrites
        .rules()
        .forEach((from, to) -> info.println("Git URL " + from + " is served from " + to));
  }

  private static Path realPath(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
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

  /**
   * Serves webhook Receivers on a free port of 127.0.0.1 and prints each Receiver's URL once its
   * path is known (the fleet creates Receivers after start).
   */
  private void startReceivers() {
    ReceiverGate gate = new ReceiverGate(client, java.time.Clock.systemUTC());
    ReceiverServer server =
        ReceiverServer.start(new java.net.InetSocketAddress("127.0.0.1", 0), gate);
    resources.push(server);
    info.println("Webhook receivers: " + server.baseUrl() + "/hook/...");
    ScheduledExecutorService printer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "cairn-up-receivers");
              thread.setDaemon(true);
              return thread;
            });
    resources.push(printer::shutdownNow);
    Map<String, String> printed = new java.util.concurrent.ConcurrentHashMap<>();
    printer.scheduleWithFixedDelay(
        () -> {
          try {
            gate.paths()
                .forEach(
                    (receiver, path) -> {
                      if (!path.equals(printed.put(receiver, path))) {
                        info.println("Receiver " + receiver + ": " + server.baseUrl() + path);
                        info.flush();
                      }
                    });
          } catch (RuntimeException e) {
            // The API server may be busy; the next look prints what this one missed.
          }
        },
        0,
        1,
        TimeUnit.SECONDS);
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
    CairnObjectRef source = root;
    watcher.scheduleWithFixedDelay(
        () -> {
          try {
            String head = repository.head();
            String previous = seen.getAndSet(head);
            if (!head.equals(previous)) {
              repository.updateAfterPush(previous);
              requestReconciles(source);
            }
          } catch (RuntimeException e) {
            // The working copy may be mid-commit; the next look sees the settled branch.
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  /**
   * Serves the web dashboard on {@code bind} (loopback: no login, actions allowed, as the user of
   * this process) with "diff with Git" over the controller's artifact store; prints its URL.
   */
  public URI startDashboard(InetSocketAddress bind) {
    Dashboard dashboard =
        Dashboard.start(
            client,
            DashboardSettings.loopback()
                .withBind(bind)
                .withArtifactStore(workDir.resolve("data").resolve("artifacts")));
    resources.push(dashboard);
    dashboardUrl = dashboard.url();
    info.println("Dashboard: " + dashboardUrl + " (loopback, no login)");
    info.flush();
    return dashboardUrl;
  }

  /** The dashboard's URL once {@link #startDashboard} ran. */
  public Optional<URI> dashboardUrl() {
    return Optional.ofNullable(dashboardUrl);
  }

  /**
   * The root's reconcile; with an Argo CD root, every Application's (each fetches its own sources,
   * as Argo CD refreshes every app on a webhook).
   */
  private void requestReconciles(CairnObjectRef source) {
    if (source.kind() != CairnKind.Application) {
      objects.requestReconcile(source);
      return;
    }
    for (ObjectStatus app : objects.list(List.of(CairnKind.Application), null)) {
      objects.requestReconcile(app.ref());
    }
  }

  /** Every Cairn object in the cluster, by kind then namespace and name. */
  public List<ObjectStatus> statuses() {
    return objects.list(Arrays.asList(CairnKind.values()), null);
  }

  public CairnObjects objects() {
    return objects;
  }

  /** The served working copy's clone URL; null when syncing a remote {@code --repo}. */
  public String servedUrl() {
    return repository == null ? null : repository.url();
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
