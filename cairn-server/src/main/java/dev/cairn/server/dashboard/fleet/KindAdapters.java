package dev.cairn.server.dashboard.fleet;

import dev.cairn.api.CairnApi;
import java.util.List;
import java.util.Optional;

/** The kinds the dashboard shows, sources first, each read through its {@link KindAdapter}. */
public final class KindAdapters {
  private static final String ARTIFACT = "/status/artifact/revision";
  private static final String APPLIED = "/status/lastAppliedRevision";
  private static final String ATTEMPTED = "/status/lastAttemptedRevision";

  private final List<KindAdapter> adapters;

  public KindAdapters(List<KindAdapter> adapters) {
    this.adapters = List.copyOf(adapters);
  }

  /**
   * GitRepository, OCIRepository, HelmRepository, HelmChart, Kustomization, HelmRelease,
   * SealedSecret.
   */
  public static KindAdapters defaults() {
    return new KindAdapters(
        List.of(
            cairn("GitRepository", "gitrepositories", true, List.of(ARTIFACT), List.of(), false),
            cairn("OCIRepository", "ocirepositories", true, List.of(ARTIFACT), List.of(), false),
            cairn("HelmRepository", "helmrepositories", true, List.of(ARTIFACT), List.of(), false),
            cairn(
                "HelmChart",
                "helmcharts",
                true,
                List.of(ARTIFACT),
                List.of("/spec/sourceRef"),
                false),
            cairn(
                "Kustomization",
                "kustomizations",
                false,
                List.of(APPLIED, ATTEMPTED),
                List.of("/spec/sourceRef"),
                false),
            cairn(
                "HelmRelease",
                "helmreleases",
                false,
                List.of("/status/history/0/chartVersion", ATTEMPTED),
                List.of("/spec/chartRef", "/spec/chart/spec/sourceRef"),
                true),
            new ConditionsKindAdapter(
                "SealedSecret",
                "bitnami.com",
                "v1alpha1",
                "sealedsecrets",
                false,
                List.of(),
                List.of(),
                false,
                false,
                false)));
  }

  private static KindAdapter cairn(
      String kind,
      String plural,
      boolean source,
      List<String> revisions,
      List<String> sources,
      boolean helmChartStatus) {
    return new ConditionsKindAdapter(
        kind,
        CairnApi.GROUP,
        CairnApi.VERSION,
        plural,
        source,
        revisions,
        sources,
        helmChartStatus,
        true,
        true);
  }

  public List<KindAdapter> all() {
    return adapters;
  }

  public Optional<KindAdapter> forKind(String kind) {
    return adapters.stream().filter(a -> a.kind().equals(kind)).findFirst();
  }

  /** The position of {@code kind} in the list (unknown kinds last), for sorting. */
  public int order(String kind) {
    for (int i = 0; i < adapters.size(); i++) {
      if (adapters.get(i).kind().equals(kind)) {
        return i;
      }
    }
    return adapters.size();
  }
}
