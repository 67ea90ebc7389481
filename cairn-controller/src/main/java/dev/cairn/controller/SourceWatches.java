package dev.cairn.controller;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.Conditions;
import dev.cairn.api.DependencyReference;
import dev.cairn.api.ObjectRef;
import dev.cairn.api.ReconcileStatus;
import dev.cairn.api.argo.AppProject;
import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseSpec;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.api.image.ImagePolicy;
import dev.cairn.api.image.ImageRepository;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.OCIRepository;
import dev.cairn.api.source.SourceStatus;
import dev.cairn.engine.helm.ReleaseNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;

/** The source → dependent edges Cairn's kinds have. */
final class SourceWatches {
  private SourceWatches() {}

  /**
   * A Kustomization runs when the GitRepository of its {@code spec.sourceRef} has a new revision.
   */
  static SourceWatch<Kustomization, GitRepository> kustomizationsOnGitRepositories() {
    return new SourceWatch<>(
        GitRepository.class,
        SourceWatches::revision,
        k ->
            k.getSpec() == null || k.getSpec().sourceRef() == null
                ? List.of()
                : List.of(k.getSpec().sourceRef().toObjectRef(k.getMetadata().getNamespace())));
  }

  /**
   * A Kustomization runs when the OCIRepository of its {@code spec.sourceRef} has a new revision.
   */
  static SourceWatch<Kustomization, OCIRepository> kustomizationsOnOciRepositories() {
    return new SourceWatch<>(
        OCIRepository.class,
        SourceWatches::revision,
        k ->
            k.getSpec() == null || k.getSpec().sourceRef() == null
                ? List.of()
                : List.of(k.getSpec().sourceRef().toObjectRef(k.getMetadata().getNamespace())));
  }

  /**
   * A HelmRelease with {@code spec.chartRef} of kind OCIRepository runs when that OCIRepository has
   * a new revision.
   */
  static SourceWatch<HelmRelease, OCIRepository> helmReleasesOnOciRepositories() {
    return new SourceWatch<>(
        OCIRepository.class, SourceWatches::revision, SourceWatches::releaseChart);
  }

  /**
   * A GitRepository with {@code spec.include} runs when an included GitRepository (same namespace)
   * has a new revision, so the composed artifact follows it at once.
   */
  static SourceWatch<GitRepository, GitRepository> gitRepositoriesOnIncludedGitRepositories() {
    return new SourceWatch<>(
        GitRepository.class, SourceWatches::revision, SourceWatches::includedRepositories);
  }

  private static List<ObjectRef> includedRepositories(GitRepository repository) {
    if (repository.getSpec() == null || repository.getSpec().include() == null) {
      return List.of();
    }
    String namespace = repository.getMetadata().getNamespace();
    String kind = HasMetadata.getKind(GitRepository.class);
    return repository.getSpec().include().stream()
        .filter(include -> include.repository() != null)
        .map(include -> new ObjectRef(null, kind, include.repository().name(), namespace))
        .toList();
  }

  /** A HelmChart runs when its HelmRepository has a new index. */
  static SourceWatch<HelmChart, HelmRepository> helmChartsOnHelmRepositories() {
    return new SourceWatch<>(
        HelmRepository.class, SourceWatches::revision, SourceWatches::chartSource);
  }

  /** A HelmChart packaged from Git runs when its GitRepository has a new revision. */
  static SourceWatch<HelmChart, GitRepository> helmChartsOnGitRepositories() {
    return new SourceWatch<>(
        GitRepository.class, SourceWatches::revision, SourceWatches::chartSource);
  }

  /**
   * A HelmRelease runs when its chart has a new artifact: the HelmChart it made from {@code
   * spec.chart} ({@code <namespace>-<name>} in the source's namespace), or its {@code
   * spec.chartRef}.
   */
  static SourceWatch<HelmRelease, HelmChart> helmReleasesOnHelmCharts() {
    return new SourceWatch<>(HelmChart.class, SourceWatches::revision, SourceWatches::releaseChart);
  }

  private static List<ObjectRef> chartSource(HelmChart chart) {
    return chart.getSpec() == null || chart.getSpec().sourceRef() == null
        ? List.of()
        : List.of(chart.getSpec().sourceRef().toObjectRef(chart.getMetadata().getNamespace()));
  }

  private static List<ObjectRef> releaseChart(HelmRelease release) {
    HelmReleaseSpec spec = release.getSpec();
    String namespace = release.getMetadata().getNamespace();
    if (spec == null) {
      return List.of();
    }
    if (spec.chartRef() != null) {
      return List.of(spec.chartRef().toObjectRef(namespace));
    }
    if (spec.chart() == null || spec.chart().spec() == null) {
      return List.of();
    }
    ObjectRef source = spec.chart().spec().sourceRef().toObjectRef(namespace);
    String chart = ReleaseNames.helmChartName(namespace, release.getMetadata().getName());
    return List.of(
        new ObjectRef(null, HasMetadata.getKind(HelmChart.class), chart, source.namespace()));
  }

  /**
   * A Kustomization waiting for a {@code dependsOn} Kustomization runs as soon as that one becomes
   * ready, instead of at the dependency requeue.
   */
  static SourceWatch<Kustomization, Kustomization> kustomizationsOnDependencies() {
    return new SourceWatch<>(
        Kustomization.class,
        dependency -> readiness(dependency, dependency.getStatus()),
        k -> dependencies(k, k.getSpec() == null ? null : k.getSpec().dependsOn()));
  }

  /** The same for HelmReleases and their {@code dependsOn} HelmReleases. */
  static SourceWatch<HelmRelease, HelmRelease> helmReleasesOnDependencies() {
    return new SourceWatch<>(
        HelmRelease.class,
        dependency -> readiness(dependency, dependency.getStatus()),
        r -> dependencies(r, r.getSpec() == null ? null : r.getSpec().dependsOn()));
  }

  /**
   * What changes when a dependency becomes ready: its generation and the revision it has ready;
   * null while it is not Ready at its current generation, so only becoming ready (or ready again at
   * a new generation) counts.
   */
  static String readiness(HasMetadata dependency, ReconcileStatus status) {
    Long generation = dependency.getMetadata().getGeneration();
    if (status == null
        || !Objects.equals(generation, status.getObservedGeneration())
        || !Conditions.isTrue(Conditions.find(status, ConditionTypes.READY).orElse(null))) {
      return null;
    }
    String revision =
        status instanceof KustomizationStatus k
            ? k.getLastAppliedRevision()
            : status instanceof HelmReleaseStatus h ? h.getLastAttemptedRevision() : null;
    return generation + "@" + revision;
  }

  private static List<ObjectRef> dependencies(
      HasMetadata object, List<DependencyReference> dependsOn) {
    if (dependsOn == null) {
      return List.of();
    }
    String namespace = object.getMetadata().getNamespace();
    return dependsOn.stream()
        .filter(dep -> dep != null && dep.name() != null)
        .map(
            dep ->
                new ObjectRef(
                    null,
                    object.getKind(),
                    dep.name(),
                    dep.namespace() == null || dep.namespace().isEmpty()
                        ? namespace
                        : dep.namespace()))
        .toList();
  }

  /**
   * An Application runs again when its AppProject (looked up in the Application's namespace) is
   * created or its spec changes (a new generation), so a tightened or widened rule applies at once.
   */
  static SourceWatch<Application, AppProject> applicationsOnAppProjects() {
    return new SourceWatch<>(
        AppProject.class,
        project ->
            project.getMetadata().getGeneration() == null
                ? ""
                : project.getMetadata().getGeneration().toString(),
        app ->
            app.getSpec() == null || app.getSpec().project() == null
                ? List.of()
                : List.of(
                    new ObjectRef(
                        null,
                        "AppProject",
                        app.getSpec().project(),
                        app.getMetadata().getNamespace())));
  }

  /**
   * An ApplicationSet runs when one of the Applications its status lists changes sync status,
   * health or operation, so its {@code resources}, sync waves and RollingSync steps move on.
   */
  static SourceWatch<ApplicationSet, Application> applicationSetsOnApplications() {
    return new SourceWatch<>(
        Application.class,
        app ->
            (app.getStatus() == null || app.getStatus().getSync() == null
                    ? ""
                    : app.getStatus().getSync().status())
                + "/"
                + (app.getStatus() == null || app.getStatus().getHealth() == null
                    ? ""
                    : app.getStatus().getHealth().status())
                + "/"
                + (app.getOperation() != null),
        set ->
            set.getStatus() == null || set.getStatus().getResources() == null
                ? List.of()
                : set.getStatus().getResources().stream()
                    .map(
                        r ->
                            new ObjectRef(
                                null, "Application", r.name(), set.getMetadata().getNamespace()))
                    .toList());
  }

  static String revision(HasMetadata source) {
    SourceStatus status =
        source instanceof GitRepository g
            ? g.getStatus()
            : source instanceof HelmRepository r
                ? r.getStatus()
                : source instanceof HelmChart c
                    ? c.getStatus()
                    : source instanceof OCIRepository o ? o.getStatus() : null;
    Artifact artifact = status == null ? null : status.getArtifact();
    return artifact == null ? null : artifact.revision();
  }

  /** An ImagePolicy picks again when its ImageRepository's scan finds other tags. */
  static SourceWatch<ImagePolicy, ImageRepository> imagePoliciesOnImageRepositories() {
    return new SourceWatch<>(
        ImageRepository.class,
        repository ->
            repository.getStatus() == null || repository.getStatus().getLastScanResult() == null
                ? null
                : repository.getStatus().getLastScanResult().revision(),
        policy -> {
          var ref = policy.getSpec().imageRepositoryRef();
          String namespace =
              ref.namespace() == null || ref.namespace().isEmpty()
                  ? policy.getMetadata().getNamespace()
                  : ref.namespace();
          return List.of(new ObjectRef(null, "ImageRepository", ref.name(), namespace));
        });
  }
}
