package dev.cairn.cli;

import dev.cairn.controller.CairnRuntime;
import dev.cairn.controller.LeaderElection;
import dev.cairn.controller.RuntimeOptions;
import dev.cairn.controller.SealingOptions;
import dev.cairn.server.ProbeServer;
import dev.cairn.server.Probes;
import dev.cairn.server.dashboard.web.Access;
import dev.cairn.server.dashboard.web.Dashboard;
import dev.cairn.server.dashboard.web.DashboardSettings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn controller}: runs the controllers against a cluster until SIGTERM or Ctrl-C, then
 * lets reconciles in flight finish and releases the Lease.
 */
@Command(
    name = "controller",
    mixinStandardHelpOptions = true,
    description =
        "Run the Cairn controllers against the current kube context (or in-cluster config)"
            + " until stopped.")
final class ControllerCommand implements Callable<Integer> {

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

  /** The dashboard, when --ui-bind-address is set; closed with the rest. */
  private volatile Dashboard dashboard;

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

  /** Counted down when the process should stop; the shutdown hook does it on SIGTERM/Ctrl-C. */
  final CountDownLatch stop = new CountDownLatch(1);

  private final AtomicBoolean closed = new AtomicBoolean();

  @Override
  public Integer call() {
    InetSocketAddress bind = ProbeServer.parseAddress(metricsBindAddress);
    KubernetesClient client = connect();
    CairnRuntime runtime;
    try {
      runtime =
          new CairnRuntime(
              client,
              options(),
              SealingOptions.defaults()
                  .withKeyNamespace(keyNamespace)
                  .withKeyRenewPeriod(keyRenewPeriod));
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    ProbeServer probes;
    try {
      probes =
          ProbeServer.start(
              bind,
              new Probes(
                  runtime::isReady, runtime.meterRegistry()::scrape, runtime::sealingCertificate));
    } catch (RuntimeException e) {
      runtime.close();
      client.close();
      throw e;
    }
    if (uiBindAddress != null) {
      try {
        dashboard = Dashboard.start(client, dashboardSettings());
      } catch (RuntimeException e) {
        probes.close();
        runtime.close();
        client.close();
        throw e;
      }
    }
    Thread hook = new Thread(() -> shutdown(runtime, probes, client), "cairn-controller-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    spec.commandLine()
        .getOut()
        .printf(
            "cairn controller: connected to %s; probes and metrics on http://%s:%d%n",
            client.getMasterUrl(), probes.address().getHostString(), probes.port());
    if (dashboard != null) {
      spec.commandLine().getOut().println("dashboard (read-only) on " + dashboard.url());
    }
    spec.commandLine().getOut().flush();
    runtime.start();
    try {
      while (!stop.await(500, TimeUnit.MILLISECONDS)) {
        if (runtime.failure().isPresent()) {
          throw new CliException(
              ExitCode.FAILED,
              "controllers could not start: " + ErrorHandler.oneLine(runtime.failure().get()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      shutdown(runtime, probes, client);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: the hook is running
      }
    }
    return ExitCode.OK;
  }

  private void shutdown(CairnRuntime runtime, ProbeServer probes, KubernetesClient client) {
    if (closed.compareAndSet(false, true)) {
      runtime.close();
      probes.close();
      if (dashboard != null) {
        dashboard.close();
      }
      client.close();
    }
    stop.countDown();
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
    RuntimeOptions options =
        RuntimeOptions.defaults()
            .withStoragePath(storagePath)
            .withDependencyRequeue(requeueDependency);
    if (leaderElect) {
      options = options.withLeaderElection(LeaderElection.inNamespace(leaseNamespace, identity()));
    }
    return options;
  }

  private KubernetesClient connect() {
    Config config;
    if (kubeconfig != null) {
      File file = kubeconfig.toFile();
      if (!Files.isRegularFile(kubeconfig)) {
        throw new CliException(
            ExitCode.FAILED, "kubeconfig '" + kubeconfig + "' does not exist or is not a file");
      }
      config = Config.fromKubeconfig(context, file);
    } else {
      config = Config.autoConfigure(context);
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new CliException(
          ExitCode.FAILED, "no Kubernetes cluster configured: pass --kubeconfig or set KUBECONFIG");
    }
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static String identity() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      host = "cairn";
    }
    return host + "_" + UUID.randomUUID();
  }
}
