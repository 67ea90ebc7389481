package dev.cairn.engine.argo;

import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;

/** The chart fetchers Applications with a {@code chart} source use: http(s) and OCI. */
public record ChartSourceFetchers(HelmRepositoryFetcher repositories, OciChartFetcher registries) {}
