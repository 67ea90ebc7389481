package dev.cairn.api.source;

/** When to rebuild a chart: on a new chart version, or on every new source revision. */
public enum ReconcileStrategy {
  ChartVersion,
  Revision
}
