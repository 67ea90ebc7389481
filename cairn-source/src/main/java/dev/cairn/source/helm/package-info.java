/**
 * Helm sources: {@link dev.cairn.source.helm.HelmRepositoryFetcher} for chart repositories ({@code
 * index.yaml} over HTTP(S)), {@link dev.cairn.source.helm.OciChartFetcher} for OCI registries
 * (distribution API with the registry token flow), and {@link
 * dev.cairn.source.helm.ChartFromArtifact} for charts kept in Git. Charts are stored unpacked as
 * artifacts after their digest is checked.
 *
 * <p>Talks HTTP with the JDK client only; does not render charts (that is {@code cairn-render}) and
 * does not load Helm's native library.
 */
package dev.cairn.source.helm;
