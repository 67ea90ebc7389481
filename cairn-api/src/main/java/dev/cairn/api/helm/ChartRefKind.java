package dev.cairn.api.helm;

/** Kinds whose artifact {@code chartRef} can use directly as a chart. */
public enum ChartRefKind {
  OCIRepository,
  HelmChart,
  ExternalArtifact
}
