/**
 * kustomize's {@code helmCharts} (its {@code --enable-helm}) for cairn-kustomize: {@link
 * dev.cairn.render.helmcharts.KustomizeChartInflator} implements cairn-kustomize's {@link
 * dev.cairn.kustomize.ChartInflator} port with Helm's own {@code template} (helm-java), and {@link
 * dev.cairn.render.helmcharts.ChartCache} pulls charts that are not in the chart home through
 * cairn-source's Helm fetchers into a cache directory.
 *
 * <p>The only code of cairn-render that reaches the network, and only through cairn-source, only
 * when a caller builds a Kustomizer with this inflator. Never writes into the kustomization's tree.
 */
package dev.cairn.render.helmcharts;
