package dev.cairn.engine.argo.appset;

import java.util.List;
import java.util.Map;

/** The Argo CD cluster Secrets the clusters generator reads. */
public interface ClusterSecrets {

  /**
   * One Argo CD cluster as its Secret declares it: {@code data} decoded ({@code name}, {@code
   * server}, {@code project}; never the {@code config} credentials).
   */
  record Cluster(
      String name,
      String server,
      String project,
      Map<String, String> labels,
      Map<String, String> annotations) {}

  /** The Secrets labelled {@code argocd.argoproj.io/secret-type: cluster}. */
  List<Cluster> clusters();

  /** No cluster Secrets at all. */
  static ClusterSecrets none() {
    return List::of;
  }
}
