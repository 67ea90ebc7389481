/**
 * The source kinds, each a {@code KindDefinition} on the engine's skeleton: {@code GitRepository}
 * (fetched with cairn-source's Git fetcher, includes composed in), {@code OCIRepository} (one layer
 * of an OCI artifact, credentials from a dockerconfigjson Secret), {@code HelmRepository} (index
 * stored as the artifact; OCI repositories have none) and {@code HelmChart} (pulled from a
 * repository or registry, or packaged from a Git artifact, values files merged) — their steps
 * ({@code IncludesStep}, {@code ChartSourceStep}, {@code ChartBuildStep}), credential readers and
 * the shared artifact/event rules ({@code SourceArtifacts}).
 *
 * <p>Reads Secrets for credentials; secret values never reach messages or logs. No
 * operator-framework types.
 */
package dev.cairn.engine.source;
