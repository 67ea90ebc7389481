package dev.cairn.controller;

import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.apply.WatchedClusterClient;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.ObjectReader;
import dev.cairn.engine.OwnerLabels;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.argo.AppProjectKind;
import dev.cairn.engine.argo.ApplicationKind;
import dev.cairn.engine.argo.ChartSourceFetchers;
import dev.cairn.engine.argo.ClusterVersion;
import dev.cairn.engine.argo.appset.ApplicationSetKind;
import dev.cairn.engine.helm.HelmReleaseKind;
import dev.cairn.engine.image.ImagePolicyKind;
import dev.cairn.engine.image.ImageRepositoryKind;
import dev.cairn.engine.image.ImageUpdateAutomationKind;
import dev.cairn.engine.kustomize.KustomizationKind;
import dev.cairn.engine.notification.AlertKind;
import dev.cairn.engine.notification.ClusterRoutes;
import dev.cairn.engine.notification.ProviderKind;
import dev.cairn.engine.notification.ReceiverKind;
import dev.cairn.engine.notification.TenantRoutes;
import dev.cairn.engine.secrets.SealedSecretKind;
import dev.cairn.engine.secrets.SealingKeyring;
import dev.cairn.engine.source.GitRepositoryKind;
import dev.cairn.engine.source.HelmChartKind;
import dev.cairn.engine.source.HelmRepositoryKind;
import dev.cairn.engine.source.OCIRepositoryKind;
import dev.cairn.image.git.UpdateCommitter;
import dev.cairn.image.registry.TagStore;
import dev.cairn.notify.NotificationPipeline;
import dev.cairn.notify.PipelineOptions;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.render.argo.ArgoSourceRenderer;
import dev.cairn.render.helm.HelmPostRenderer;
import dev.cairn.render.helm.HelmTemplateRenderer;
import dev.cairn.secrets.sealed.SealingKeyGenerator;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import dev.cairn.source.oci.OciArtifactFetcher;
import dev.cairn.source.oci.OciFetcherOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every reconciler with plain constructors and drives them with the
 * Java Operator SDK. {@link #start()} returns at once; with leader election the controllers start
 * only while this process holds the Lease. {@link #close()} lets reconciles in flight finish, then
 * releases the Lease.
 */
public final class CairnRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CairnRuntime.class);

  /**
   * An artifact another replica stored is downloaded from its status URL (the replica serving it
   * with {@code cairn controller --storage-addr}) rather than awaited from this replica's own
   * fetch.
   */
  static final Duration ARTIFACT_DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

  private final KubernetesClient client;
  private final RuntimeOptions options;
  private final WatchedClusterClient cluster;
  private final ResourceManager manager;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ReconcileMetrics metrics = new ReconcileMetrics(registry);
  private final FailureBackoff backoff = new FailureBackoff();
  private final ObjectFields fields;
  private final WatchedSources watchedSources;
  private final List<KindRegistration<?, ?>> kinds = new ArrayList<>();
  private final ExecutorService starter =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "cairn-runtime-start");
            thread.setDaemon(true);
            return thread;
          });
  private final LeaseElection election;
  private final StorageCleanup storageCleanup;
  private final SealingKeyring keyring;
  private final SealingKeyRenewal keyRenewal;
  private final NotificationPipeline notifications;
  private final ClusterRoutes routes;
  private Operator operator;
  private volatile boolean started;
  private volatile boolean running;
  private volatile boolean closed;
  private volatile RuntimeException failure;

  public CairnRuntime(KubernetesClient client, RuntimeOptions options) {
    this(client, options, SealingOptions.defaults());
  }

  public CairnRuntime(KubernetesClient client, RuntimeOptions options, SealingOptions sealing) {
    this.client = client;
    this.options = options;
    this.fields = new ObjectFields(client.getKubernetesSerialization());
    this.watchedSources = new WatchedSources(ObjectReader.of(client));
    Clock clock = Clock.systemUTC();
    ArtifactStore store;
    try {
      store =
          new ArtifactStore(
              options.storagePath().resolve("artifacts"),
              ArtifactStoreOptions.defaults().withDownloadTimeout(ARTIFACT_DOWNLOAD_TIMEOUT));
    } catch (SourceException e) {
      throw new IllegalArgumentException(
          "cannot use storage path " + options.storagePath() + ": " + e.getMessage(), e);
    }
    this.routes = new ClusterRoutes(client);
    this.notifications =
        new NotificationPipeline(
            TenantRoutes.of(routes, options.tenancy()), PipelineOptions.defaults(), clock);
    NotificationMetrics.register(registry, notifications);
    EventRecorder events = new EventRecorder(client, options.fieldManager(), clock, notifications);
    String shard = ShardName.of(options.labelSelector()).orElse(null);
    this.cluster =
        new WatchedClusterClient(
            client, new Fabric8ClusterClient(client), OwnerLabels.keys(), shard);
    this.manager = new ResourceManager(cluster);
    ApplyOptions apply =
        ApplyOptions.defaults().withFieldManager(options.fieldManager()).withShard(shard);

    GitFetcher git =
        new GitFetcher(
            options.storagePath().resolve("git"), store, clock, options.gitUrlRewrites());
    this.storageCleanup =
        new StorageCleanup(
            List.of(
                new MirrorCleanup(git, clock),
                new OrphanedArtifactCleanup(client, store, options.namespaces(), clock)));
    register(
        GitRepositoryKind.reconciler(client, git, events, options.artifactBaseUrl(), clock),
        SourceWatches.gitRepositoriesOnIncludedGitRepositories());
    kinds.add(
        new KindRegistration<>(
            new StepReconciler<>(
                client,
                new KustomizationKind(
                    client,
                    store,
                    KustomizationRenderer.defaults(),
                    manager,
                    cluster,
                    events,
                    apply,
                    options.dependencyRequeue(),
                    clock,
                    options.tenancy(),
                    watchedSources),
                clock),
            List.of(
                SourceWatches.kustomizationsOnGitRepositories(),
                SourceWatches.kustomizationsOnOciRepositories(),
                SourceWatches.kustomizationsOnDependencies()),
            watchedSources));
    register(
        OCIRepositoryKind.reconciler(
            client,
            new OciArtifactFetcher(store, OciFetcherOptions.defaults()),
            events,
            options.artifactBaseUrl(),
            clock));
    HelmRepositoryFetcher helmRepositories =
        new HelmRepositoryFetcher(store, HelmFetcherOptions.defaults());
    register(
        HelmRepositoryKind.reconciler(
            client, helmRepositories, events, options.artifactBaseUrl(), clock));
    register(
        HelmChartKind.reconciler(
            client,
            store,
            helmRepositories,
            new OciChartFetcher(store, HelmFetcherOptions.defaults()),
            events,
            options.artifactBaseUrl(),
            clock),
        SourceWatches.helmChartsOnHelmRepositories(),
        SourceWatches.helmChartsOnGitRepositories());
    register(
        new StepReconciler<>(
            client,
            new HelmReleaseKind(
                client,
                store,
                HelmTemplateRenderer.defaults(),
                HelmPostRenderer.defaults(),
                manager,
                cluster,
                events,
                apply,
                options.dependencyRequeue(),
                options.tenancy()),
            clock),
        SourceWatches.helmReleasesOnHelmCharts(),
        SourceWatches.helmReleasesOnOciRepositories(),
        SourceWatches.helmReleasesOnDependencies());

    register(AppProjectKind.reconciler(client, clock));
    register(
        ApplicationKind.reconciler(
            new ApplicationKind.Parts(
                client,
                git,
                new ChartSourceFetchers(
                    helmRepositories, new OciChartFetcher(store, HelmFetcherOptions.defaults())),
                ArgoSourceRenderer.defaults(),
                manager,
                cluster,
                events,
                apply,
                new ClusterVersion(client)),
            clock),
        SourceWatches.applicationsOnAppProjects());
    register(
        ApplicationSetKind.reconciler(
            client, git, options.storagePath().resolve("applicationsets"), events, clock),
        SourceWatches.applicationSetsOnApplications());
    registerImageAutomation(events, clock);
    register(ProviderKind.reconciler(client, events, clock));
    register(AlertKind.reconciler(client, events, clock, options.tenancy()));
    register(ReceiverKind.reconciler(client, events, clock, options.tenancy()));

    this.keyring =
        new SealingKeyring(
            client, sealing.keyNamespace(), SealingKeyGenerator.defaults(), Clock.systemUTC());
    this.keyRenewal = registerSealedSecrets(events, sealing, clock);

    this.election =
        options
            .leaderElectionConfig()
            .map(le -> new LeaseElection(client, le, this::startControllers, this::stopControllers))
            .orElse(null);
  }

  /**
   * Image automation: scans go to one in-memory tag store that the policies read; automations clone
   * into the storage path.
   */
  private void registerImageAutomation(EventRecorder events, Clock clock) {
    TagStore tags = new TagStore();
    register(ImageRepositoryKind.reconciler(client, tags, events, clock));
    register(
        ImagePolicyKind.reconciler(client, tags, events, clock, options.tenancy()),
        SourceWatches.imagePoliciesOnImageRepositories());
    register(
        ImageUpdateAutomationKind.reconciler(
            client,
            new UpdateCommitter(options.storagePath().resolve("image-automation"), clock),
            events,
            clock,
            options.tenancy()));
  }

  /**
   * Registers the SealedSecret kind unless the sealed-secrets controller already runs in the
   * cluster; returns the key renewal to start with the controllers, or null.
   */
  private SealingKeyRenewal registerSealedSecrets(
      EventRecorder events, SealingOptions sealing, Clock clock) {
    Optional<String> upstream = UpstreamSealedSecrets.find(client);
    if (upstream.isPresent()) {
      LOG.warn(
          "the sealed-secrets controller already runs in this cluster ({}): Cairn leaves"
              + " SealedSecrets to it",
          upstream.get());
      return null;
    }
    register(SealedSecretKind.reconciler(client, keyring, events, clock));
    return new SealingKeyRenewal(keyring, sealing.keyRenewPeriod());
  }

  /** The PEM certificate of the active sealing key, for {@code /v1/cert.pem}; empty when none. */
  public Optional<String> sealingCertificate() {
    if (keyRenewal == null) {
      return Optional.empty();
    }
    try {
      return keyring.active().map(key -> key.certificate().pem());
    } catch (RuntimeException e) {
      LOG.debug("cannot read the sealing keys: {}", e.getMessage());
      return Optional.empty();
    }
  }

  @SafeVarargs
  private <T extends HasMetadata, S> void register(
      KindReconciler<T, S> reconciler, SourceWatch<T, ?>... sources) {
    kinds.add(new KindRegistration<>(reconciler, List.of(sources), null));
  }

  /** Starts watching (or campaigning for the Lease) and returns at once. */
  public synchronized void start() {
    if (started || closed) {
      return;
    }
    started = true;
    storageCleanup.start();
    routes.start();
    notifications.start();
    if (election != null) {
      starter.execute(election::start);
    } else {
      starter.execute(this::startControllers);
    }
  }

  /** Started, controllers running, and leader (when leader election is on): for {@code /readyz}. */
  public boolean isReady() {
    return started && !closed && running && (election == null || election.isLeader());
  }

  /** True while this process holds the Lease (always false without leader election). */
  public boolean isLeader() {
    return election != null && election.isLeader();
  }

  /** Why the controllers could not start (missing CRDs, no access...), if they could not. */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  /** The metrics; {@code scrape()} gives the Prometheus text. */
  public PrometheusMeterRegistry meterRegistry() {
    return registry;
  }

  /**
   * Stops: reconciles in flight finish (up to the shutdown timeout), then the Lease is released.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (election != null) {
      election.close();
    } else {
      stopControllers();
    }
    starter.shutdownNow();
    storageCleanup.close();
    if (keyRenewal != null) {
      keyRenewal.close();
    }
    kinds.forEach(kind -> kind.reconciler().close());
    notifications.close();
    routes.close();
    manager.close();
    cluster.close();
  }

  private synchronized void startControllers() {
    if (closed || operator != null) {
      return;
    }
    Operator op =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .checkingCRDAndValidateLocalModel(false)
                    .withConcurrentReconciliationThreads(options.maxConcurrentReconciles())
                    .withReconciliationTerminationTimeout(options.shutdownTimeout()));
    try {
      if (keyRenewal != null) {
        keyRenewal.start();
      }
      for (KindRegistration<?, ?> kind : kinds) {
        registerWith(op, kind);
      }
      op.start();
      operator = op;
      running = true;
      LOG.info("controllers started for {} kinds", kinds.size());
    } catch (RuntimeException e) {
      failure = StartFailures.describe(e);
      LOG.error("controllers could not start: {}", failure.getMessage(), e);
      try {
        op.stop();
      } catch (RuntimeException stopping) {
        LOG.debug("stopping the half-started controllers failed", stopping);
      }
    }
  }

  private <T extends HasMetadata, S> void registerWith(Operator op, KindRegistration<T, S> kind) {
    KindController<T, S> controller = kind.controller(fields, backoff, metrics);
    op.register(
        controller,
        ControllerConfigurations.of(
            controller.resourceClass(),
            options.namespaces(),
            options.labelSelectorConfig().orElse(null),
            op.getConfigurationService()));
  }

  private synchronized void stopControllers() {
    running = false;
    if (operator != null) {
      operator.stop();
      operator = null;
      LOG.debug("controllers stopped");
    }
  }
}
