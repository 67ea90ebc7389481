package dev.cairn.cli;

import ch.qos.logback.classic.Level;
import dev.cairn.cli.logging.LogEncoding;
import dev.cairn.cli.logging.LogSetup;
import dev.cairn.cli.up.StopSignals;
import dev.cairn.controller.ApiServerWatch;
import dev.cairn.controller.CairnRuntime;
import dev.cairn.controller.KubeconfigFiles;
import dev.cairn.controller.LeaderElection;
import dev.cairn.controller.RuntimeOptions;
import dev.cairn.controller.SealingOptions;
import dev.cairn.controller.ShardName;
import dev.cairn.engine.notification.ReceiverGate;
import dev.cairn.server.ArtifactServer;
import dev.cairn.server.ProbeServer;
import dev.cairn.server.Probes;
import dev.cairn.server.ReceiverServer;
import dev.cairn.server.dashboard.web.Access;
import dev.cairn.server.dashboard.web.Dashboard;
import dev.cairn.server.dashboard.web.DashboardSettings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn controller}: runs the controllers against a cluster until SIGTERM or Ctrl-C, then
 * lets reconciles in flight finish and releases the Lease. Everything it says is a log line on the
 * error stream ({@code --log-encoding}, {@code --log-level}). Until the API server answers it says
 * so on every attempt, keeps trying with backoff and reports not ready on {@code /readyz}; a stop
 * signal ends it with one line.
 */
@Command(
    name = "controller",
    mixinStandardHelpOptions = true,
    description =
        "Run the Cairn controllers against the current kube context (or in-cluster config)"
            + " until stopped.")
final class ControllerCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger("dev.cairn.controller");
  private static final Duration POLL = Duration.ofMillis(250);

  @Spec CommandSpec spec;

  @Option(
      names = "--kubeconfig",
      description = "Kubeconfig file (default: $KUBECONFIG, ~/.kube/config, or in-cluster).")
  Path kubeconfig;

  @Option(names = "--context", description = "Kubeconfig context (default: the current one).")
  String context;

  @Option(
      names = "--storage-path",
      defaultValue = "cairn-data",
      description = "Where artifacts and Git mirrors are kept (default: ${DEFAULT-VALUE}).")
  Path storagePath;

  @Option(
      names = "--storage-addr",
      paramLabel = "HOST:PORT",
      description =
          "Serve the artifact store here over HTTP, so that status.artifact.url can be read and"
              + " other replicas copy artifacts they lack (Flux's source-controller serves :9090;"
              + " the install manifests pass --storage-addr=:9090; default: off).")
  String storageAddr;

  @Option(
      names = "--storage-adv-addr",
      paramLabel = "HOST[:PORT]",
      description =
          "The address written into status.artifact.url (default with --storage-addr: the"
              + " Service cairn-source.$RUNTIME_NAMESPACE.svc.cluster.local. in a Pod, else"
              + " localhost and the bound port).")
  String storageAdvAddr;

  @Option(
      names = "--metrics-bind-address",
      defaultValue = "127.0.0.1:8080",
      description =
          "Address of /healthz, /readyz and /metrics (default: ${DEFAULT-VALUE};"
              + " ':8080' listens on all interfaces, as in a Pod).")
  String metricsBindAddress;

  @Option(
      names = "--ui-bind-address",
      paramLabel = "HOST:PORT",
      description =
          "Serve the web dashboard here, read-only (default: off). It has no login yet: keep it"
              + " on 127.0.0.1 and reach it with kubectl port-forward.")
  String uiBindAddress;

  @Option(
      names = "--receiver-bind-address",
      paramLabel = "HOST:PORT",
      description =
          "Serve webhook Receivers here, at /hook/<status.webhookPath> (Flux serves them on"
              + " :9292; default: off).")
  String receiverBindAddress;

  @Option(
      names = "--leader-elect",
      defaultValue = "true",
      negatable = true,
      fallbackValue = "true",
      arity = "0..1",
      description =
          "Hold a Lease so that only one instance reconciles (default: ${DEFAULT-VALUE}).")
  boolean leaderElect;

  @Option(
      names = "--lease-namespace",
      defaultValue = "cairn-system",
      description = "Namespace of the leader-election Lease (default: ${DEFAULT-VALUE}).")
  String leaseNamespace;

  @Option(
      names = "--requeue-dependency",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "How long an object waiting for a dependency or a source looks again after, unless the"
              + " dependency becomes ready sooner (default: ${DEFAULT-VALUE}, as Flux).")
  Duration requeueDependency;

  @Option(
      names = "--key-renew-period",
      defaultValue = "720h",
      converter = DurationConverter.class,
      description =
          "How old the active SealedSecret key may get before a new one is made; old keys stay"
              + " for decryption; 0 never renews (default: ${DEFAULT-VALUE}, as sealed-secrets).")
  Duration keyRenewPeriod;

  @Option(
      names = "--key-namespace",
      defaultValue = "cairn-system",
      description =
          "Namespace of the SealedSecret keys: Secrets labelled"
              + " sealedsecrets.bitnami.com/sealed-secrets-key=active (default: ${DEFAULT-VALUE}).")
  String keyNamespace;

  @Option(
      names = "--concurrent",
      defaultValue = "16",
      description =
          "How many objects are reconciled at the same time (default: ${DEFAULT-VALUE}; a health"
              + " wait holds its worker, see docs/benchmarks.md).")
  int concurrent;

  @Option(
      names = "--watch-label-selector",
      paramLabel = "SELECTOR",
      description =
          "Reconcile only objects whose labels match, e.g. 'sharding.fluxcd.io/key in (shard1)'"
              + " or '!sharding.fluxcd.io/key' for the main instance; each selector holds its own"
              + " Lease, so shards run side by side (default: every object).")
  String watchLabelSelector;

  @Mixin TenancyFlags tenancy;

  @Option(
      names = "--log-encoding",
      defaultValue = "json",
      description =
          "How log lines are written: json (one object per line, as Flux's controllers) or"
              + " console (default: ${DEFAULT-VALUE}).")
  LogEncoding logEncoding;

  @Option(
      names = "--log-level",
      defaultValue = "info",
      description = "trace, debug, info, warn or error (default: ${DEFAULT-VALUE}).")
  String logLevel;

  /** Counted down when the process should stop (tests); SIGTERM and Ctrl-C do the same. */
  final CountDownLatch stop = new CountDownLatch(1);

  private final AtomicReference<CairnRuntime> runtime = new AtomicReference<>();

  @Override
  public Integer call() throws InterruptedException {
    Level level;
    try {
      level = LogSetup.level(logLevel);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.USAGE, "--log-level: " + e.getMessage());
    }
    LogSetup.configure(logEncoding, level, spec.commandLine().getErr());
    tenancy.tenancy();
    InetSocketAddress bind = ProbeServer.parseAddress(metricsBindAddress);
    Config config = config();
    StopSignals signals = StopSignals.install();
    try (ApiServerWatch api = ApiServerWatch.start(config, ApiServerWatch.Settings.defaults());
        ProbeServer probes = ProbeServer.start(bind, probes(api))) {
      LOG.info(
          "serving probes and metrics on http://{}:{}",
          probes.address().getHostString(),
          probes.port());
      while (!api.awaitReachable(POLL)) {
        if (stopRequested(signals)) {
          return stopping(signals);
        }
      }
      try (ArtifactServer artifacts = storageAddr == null ? null : startArtifactServer();
          KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
          CairnRuntime started = start(client, artifactBaseUrl(artifacts));
          Dashboard ui = uiBindAddress == null ? null : startDashboard(client);
          ReceiverServer hooks = receiverBindAddress == null ? null : startReceivers(client)) {
        while (!stopRequested(signals)) {
          if (started.failure().isPresent()) {
            throw new CliException(
                ExitCode.FAILED,
                "controllers could not start: " + ErrorHandler.oneLine(started.failure().get()));
          }
        }
        return stopping(signals);
      }
    }
  }

  private CairnRuntime start(KubernetesClient client, String artifactBaseUrl) {
    CairnRuntime started =
        new CairnRuntime(
            client,
            options().withArtifactBaseUrl(artifactBaseUrl),
            SealingOptions.defaults()
                .withKeyNamespace(keyNamespace)
                .withKeyRenewPeriod(keyRenewPeriod));
    runtime.set(started);
    started.start();
    return started;
  }

  private ArtifactServer startArtifactServer() {
    Path root = storagePath.resolve("artifacts");
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new CliException(
          ExitCode.FAILED, "cannot create the artifact store " + root + ": " + e.getMessage());
    }
    ArtifactServer started = ArtifactServer.start(ProbeServer.parseAddress(storageAddr), root);
    LOG.info(
        "serving artifacts on http://{}:{}", started.address().getHostString(), started.port());
    return started;
  }

  /**
   * The base of status.artifact.url: {@code --storage-adv-addr}; else, serving, the Service of a
   * Pod's namespace (as Flux advertises {@code source-controller.<ns>.svc.cluster.local.}) or
   * localhost; else the default, which names no server.
   */
  private String artifactBaseUrl(ArtifactServer artifacts) {
    if (storageAdvAddr != null && !storageAdvAddr.isBlank()) {
      return "http://" + storageAdvAddr.strip() + "/";
    }
    if (artifacts == null) {
      return RuntimeOptions.defaults().artifactBaseUrl();
    }
    String namespace = System.getenv("RUNTIME_NAMESPACE");
    if (namespace != null && !namespace.isBlank()) {
      return "http://cairn-source." + namespace.strip() + ".svc.cluster.local./";
    }
    return "http://localhost:" + artifacts.port() + "/";
  }

  private ReceiverServer startReceivers(KubernetesClient client) {
    ReceiverServer started =
        ReceiverServer.start(
            ProbeServer.parseAddress(receiverBindAddress),
            new ReceiverGate(client, Clock.systemUTC()));
    LOG.info("serving webhook receivers on {}/hook/", started.baseUrl());
    return started;
  }

  private Dashboard startDashboard(KubernetesClient client) {
    Dashboard started = Dashboard.start(client, dashboardSettings());
    LOG.info("serving the dashboard (read-only, no login) on {}", started.url());
    return started;
  }

  private Probes probes(ApiServerWatch api) {
    return new Probes(
        () -> api.reachable() && runtime.get() != null && runtime.get().isReady(),
        () -> runtime.get() == null ? "" : runtime.get().meterRegistry().scrape(),
        () -> runtime.get() == null ? Optional.empty() : runtime.get().sealingCertificate());
  }

  private boolean stopRequested(StopSignals signals) throws InterruptedException {
    return stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS) || signals.received();
  }

  /** The one line a stop writes; reconciles in flight finish as the resources close. */
  private static int stopping(StopSignals signals) {
    String cause =
        switch (signals.exitCode()) {
          case 130 -> "on SIGINT";
          case 143 -> "on SIGTERM";
          default -> "as asked";
        };
    LOG.info("stopping {}: reconciles in flight finish, then the Lease is released", cause);
    return ExitCode.OK;
  }

  /** Read-only and without login until the dashboard checks tokens in-cluster. */
  private DashboardSettings dashboardSettings() {
    return new DashboardSettings(
        ProbeServer.parseAddress(uiBindAddress),
        Access.local("anonymous", false),
        false,
        storagePath.resolve("artifacts"));
  }

  private RuntimeOptions options() {
    if (concurrent < 1) {
      throw new CliException(ExitCode.USAGE, "--concurrent must be at least 1, was " + concurrent);
    }
    RuntimeOptions options =
        RuntimeOptions.defaults()
            .withStoragePath(storagePath)
            .withDependencyRequeue(requeueDependency)
            .withMaxConcurrentReconciles(concurrent)
            .withLabelSelector(watchLabelSelector)
            .withTenancy(tenancy.tenancy());
    if (leaderElect) {
      LeaderElection election = LeaderElection.inNamespace(leaseNamespace, identity());
      options =
          options.withLeaderElection(
              election.withLeaseName(leaseName(election.leaseName(), watchLabelSelector)));
    }
    return options;
  }

  private Config config() {
    Config config;
    if (kubeconfig != null) {
      File file = kubeconfig.toFile();
      if (!Files.isRegularFile(kubeconfig)) {
        throw new CliException(
            ExitCode.FAILED, "kubeconfig '" + kubeconfig + "' does not exist or is not a file");
      }
      config = KubeconfigFiles.withoutRereads(Config.fromKubeconfig(context, file));
    } else {
      config = Config.autoConfigure(context);
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new CliException(
          ExitCode.FAILED, "no Kubernetes cluster configured: pass --kubeconfig or set KUBECONFIG");
    }
    return config;
  }

  /**
   * The Lease of a shard: the default name, plus a digest of the label selector when there is one
   * (as Flux derives its leader-election ID), so shards do not compete for one Lease.
   */
  static String leaseName(String base, String selector) {
    return ShardName.of(selector).map(shard -> base + "-" + shard).orElse(base);
  }

  private static String identity() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      host = "cairn";
    }
    return host + "_" + UUID.randomUUID();
  }
}
