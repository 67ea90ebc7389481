/**
 * Helm fixtures for tests: {@link dev.cairn.testkit.helm.HelmCharts} creates and packages charts
 * with helm-java, {@link dev.cairn.testkit.helm.HelmRepoServer} serves them with an index.yaml
 * (sha256 digests) over HTTP on 127.0.0.1.
 *
 * <p>No Cairn production code lives here and nothing here depends on {@code cairn-source}.
 */
package dev.cairn.testkit.helm;
