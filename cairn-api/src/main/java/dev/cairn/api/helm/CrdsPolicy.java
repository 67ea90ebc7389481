package dev.cairn.api.helm;

/** What to do with the chart's {@code crds/} directory on install or upgrade. */
public enum CrdsPolicy {
  Skip,
  Create,
  CreateReplace
}
