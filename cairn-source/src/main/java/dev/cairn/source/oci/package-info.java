/**
 * OCI artifacts as sources (Flux's {@code OCIRepository}): {@link
 * dev.cairn.source.oci.OciArtifactFetcher} resolves a tag, semver range or digest against a
 * registry over the distribution HTTP API (basic credentials, the registry token flow, TLS), picks
 * one layer of the manifest, checks its digest and stores it extracted (with {@code .sourceignore}
 * rules) or copied as is.
 *
 * <p>Reuses the registry HTTP client of {@code dev.cairn.source.helm}; knows nothing of Kubernetes
 * objects (the engine reads Secrets and writes status). Does not verify signatures.
 */
package dev.cairn.source.oci;
