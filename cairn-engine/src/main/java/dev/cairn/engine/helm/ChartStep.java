package dev.cairn.engine.helm;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.Conditions;
import dev.cairn.api.helm.ChartRefKind;
import dev.cairn.api.helm.ChartReference;
import dev.cairn.api.helm.HelmChartTemplateSpec;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmChartSpec;
import dev.cairn.api.source.LocalHelmChartSourceReference;
import dev.cairn.api.source.OCIRepository;
import dev.cairn.api.source.OciRepositoryStatus;
import dev.cairn.engine.OwnerLabels;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Step {@code resolveChart}. With {@code spec.chart} it creates (or updates) the HelmChart Flux
 * would create, {@code <namespace>-<name>} in the source's namespace, from the template; with
 * {@code spec.chartRef} it uses an existing HelmChart, or an OCIRepository whose artifact is the
 * chart. Either way the run waits ({@code ArtifactFailed}) until that HelmChart is Ready for its
 * current generation and has an artifact.
 */
final class ChartStep {
  static final String NAME_LABEL = OwnerLabels.HELM_RELEASE_NAME;
  static final String NAMESPACE_LABEL = OwnerLabels.HELM_RELEASE_NAMESPACE;

  private final KubernetesClient client;

  ChartStep(KubernetesClient client) {
    this.client = client;
  }

  StepResult resolveChart(HelmReleaseRun run) {
    String namespace;
    String name;
    HelmChart chart;
    if (run.spec().chart() != null) {
      HelmChartTemplateSpec template = run.spec().chart().spec();
      namespace =
          template.sourceRef().namespace() == null
              ? run.key().namespace()
              : template.sourceRef().namespace();
      name = ReleaseNames.helmChartName(run.key().namespace(), run.key().name());
      chart = ensure(run, namespace, name, template);
    } else {
      ChartReference ref = run.spec().chartRef();
      if (ref.kind() == ChartRefKind.OCIRepository) {
        return resolveOciChart(run, ref);
      }
      if (ref.kind() != ChartRefKind.HelmChart) {
        throw new ReconcileException.Stalled(
            ConditionReasons.ARTIFACT_FAILED,
            "chartRef kind " + ref.kind() + " is not supported yet; use HelmChart");
      }
      namespace = ref.namespace() == null ? run.key().namespace() : ref.namespace();
      name = ref.name();
      chart = read(namespace, name);
    }
    run.status().setHelmChart(namespace + "/" + name);
    String described = "HelmChart '" + namespace + "/" + name + "'";
    if (chart == null) {
      throw waiting(run, described + " not found");
    }
    Artifact artifact = chart.getStatus() == null ? null : chart.getStatus().getArtifact();
    Condition ready = ready(chart);
    long generation =
        chart.getMetadata().getGeneration() == null ? 0 : chart.getMetadata().getGeneration();
    Long observed = chart.getStatus() == null ? null : chart.getStatus().getObservedGeneration();
    if (!Conditions.isTrue(ready) || artifact == null) {
      String why =
          ready == null ? "no Ready condition yet" : ready.getReason() + ": " + ready.getMessage();
      throw waiting(run, described + " is not ready: " + why);
    }
    if (observed == null || observed < generation) {
      throw waiting(run, described + " is not ready: its latest generation is not reconciled yet");
    }
    String chartName =
        chart.getStatus().getObservedChartName() != null
            ? chart.getStatus().getObservedChartName()
            : chart.getSpec().chart();
    run.chart(artifact, chartName);
    run.status().setLastAttemptedRevision(artifact.revision());
    run.status().setLastAttemptedRevisionDigest(artifact.digest());
    return StepResult.proceed();
  }

  /**
   * {@code chartRef: {kind: OCIRepository}}: the OCIRepository's artifact is the chart (Flux's
   * layout, a {@code <chart>/Chart.yaml} tree); it must be Ready at its current generation.
   */
  private StepResult resolveOciChart(HelmReleaseRun run, ChartReference ref) {
    String namespace = ref.namespace() == null ? run.key().namespace() : ref.namespace();
    String described = "OCIRepository '" + namespace + "/" + ref.name() + "'";
    OCIRepository source;
    try {
      source =
          client.resources(OCIRepository.class).inNamespace(namespace).withName(ref.name()).get();
    } catch (KubernetesClientException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED, "cannot read " + described + ": " + e.getMessage());
    }
    if (source == null) {
      throw waiting(run, described + " not found");
    }
    OciRepositoryStatus status = source.getStatus();
    Artifact artifact = status == null ? null : status.getArtifact();
    Condition ready =
        status == null ? null : Conditions.find(status, ConditionTypes.READY).orElse(null);
    if (!Conditions.isTrue(ready) || artifact == null) {
      String why =
          ready == null ? "no Ready condition yet" : ready.getReason() + ": " + ready.getMessage();
      throw waiting(run, described + " is not ready: " + why);
    }
    Long generation = source.getMetadata().getGeneration();
    if (generation != null && !generation.equals(status.getObservedGeneration())) {
      throw waiting(run, described + " is not ready: its latest generation is not reconciled yet");
    }
    run.chart(artifact, null);
    run.status().setLastAttemptedRevision(artifact.revision());
    run.status().setLastAttemptedRevisionDigest(artifact.digest());
    return StepResult.proceed();
  }

  /** The chart source as messages name it: {@code HelmChart/ns/x} or {@code OCIRepository/..}. */
  static String describeSource(HelmReleaseRun run) {
    ChartReference ref = run.spec().chartRef();
    if (ref != null && ref.kind() == ChartRefKind.OCIRepository) {
      String namespace = ref.namespace() == null ? run.key().namespace() : ref.namespace();
      return "OCIRepository/" + namespace + "/" + ref.name();
    }
    return "HelmChart/" + run.status().getHelmChart();
  }

  /** The HelmChart as the API server answered the read, the create or the update. */
  private HelmChart ensure(
      HelmReleaseRun run, String namespace, String name, HelmChartTemplateSpec template) {
    LocalHelmChartSourceReference source =
        new LocalHelmChartSourceReference(
            template.sourceRef().apiVersion(),
            template.sourceRef().kind(),
            template.sourceRef().name());
    HelmChartSpec desired =
        new HelmChartSpec(
            template.chart(),
            template.version() == null ? "*" : template.version(),
            source,
            template.interval() == null ? run.spec().interval() : template.interval(),
            template.reconcileStrategy(),
            template.valuesFiles(),
            template.ignoreMissingValuesFiles(),
            null,
            template.verify());
    HelmChart live = read(namespace, name);
    if (live != null && Objects.equals(live.getSpec(), desired)) {
      return live;
    }
    try {
      if (live == null) {
        HelmChart chart = new HelmChart();
        chart.getMetadata().setName(name);
        chart.getMetadata().setNamespace(namespace);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME_LABEL, run.key().name());
        labels.put(NAMESPACE_LABEL, run.key().namespace());
        if (run.spec().chart().metadata() != null
            && run.spec().chart().metadata().labels() != null) {
          labels.putAll(run.spec().chart().metadata().labels());
        }
        chart.getMetadata().setLabels(labels);
        if (run.spec().chart().metadata() != null) {
          chart.getMetadata().setAnnotations(run.spec().chart().metadata().annotations());
        }
        chart.setSpec(desired);
        return client.resource(chart).create();
      } else {
        return client
            .resources(HelmChart.class)
            .inNamespace(namespace)
            .withName(name)
            .edit(
                c -> {
                  c.setSpec(desired);
                  return c;
                });
      }
    } catch (KubernetesClientException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED,
          "cannot write HelmChart '" + namespace + "/" + name + "': " + e.getMessage());
    }
  }

  private HelmChart read(String namespace, String name) {
    try {
      return client.resources(HelmChart.class).inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED,
          "cannot read HelmChart '" + namespace + "/" + name + "': " + e.getMessage());
    }
  }

  private static Condition ready(HelmChart chart) {
    if (chart.getStatus() == null || chart.getStatus().getConditions() == null) {
      return null;
    }
    return chart.getStatus().getConditions().stream()
        .filter(c -> ConditionTypes.READY.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  private static ReconcileException.Waiting waiting(HelmReleaseRun run, String message) {
    return new ReconcileException.Waiting(
        ConditionReasons.ARTIFACT_FAILED, message, run.dependencyRequeue());
  }
}
