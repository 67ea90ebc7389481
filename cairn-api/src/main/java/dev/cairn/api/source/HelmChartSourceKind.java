package dev.cairn.api.source;

/** Kinds a HelmChart (or a HelmRelease's chart template) can take its chart from. */
public enum HelmChartSourceKind {
  HelmRepository,
  GitRepository,
  Bucket
}
