package dev.cairn.engine.helm;

import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmChartStatus;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.HelmRepositoryStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.source.HelmChartKind;
import dev.cairn.engine.source.HelmChartRun;
import dev.cairn.engine.source.HelmRepositoryKind;
import dev.cairn.engine.source.HelmRepositoryRun;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/**
 * The source side of a HelmRelease test, as the controllers run it: the real HelmRepository and
 * HelmChart reconcilers on the same artifact store as the HelmRelease reconciler.
 */
final class ChartSources {
  private static final String ARTIFACT_BASE_URL = "http://cairn-source.cairn-system.svc/";
  private final KubernetesClient client;
  private final StepReconciler<HelmRepository, HelmRepositoryStatus, HelmRepositoryRun>
      repositories;
  private final StepReconciler<HelmChart, HelmChartStatus, HelmChartRun> charts;

  ChartSources(KubernetesClient client, ArtifactStore store, EventRecorder events, Clock clock) {
    this.client = client;
    HelmRepositoryFetcher http = new HelmRepositoryFetcher(store, HelmFetcherOptions.defaults());
    OciChartFetcher oci = new OciChartFetcher(store, HelmFetcherOptions.defaults());
    this.repositories =
        HelmRepositoryKind.reconciler(client, http, events, ARTIFACT_BASE_URL, clock);
    this.charts =
        HelmChartKind.reconciler(client, store, http, oci, events, ARTIFACT_BASE_URL, clock);
  }

  /** Reconciles every HelmRepository, then every HelmChart, in {@code namespace}. */
  void reconcileAll(String namespace) {
    for (HelmRepository repository :
        client.resources(HelmRepository.class).inNamespace(namespace).list().getItems()) {
      repositories.reconcile(namespace, repository.getMetadata().getName(), Trigger.INTERVAL);
    }
    for (HelmChart chart :
        client.resources(HelmChart.class).inNamespace(namespace).list().getItems()) {
      charts.reconcile(namespace, chart.getMetadata().getName(), Trigger.INTERVAL);
    }
  }
}
