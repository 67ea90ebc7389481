/**
 * An OCI registry for tests: {@link dev.cairn.testkit.registry.OciRegistry} runs Debian's {@code
 * docker-registry} (CNCF distribution) on 127.0.0.1 with storage in a temp directory, started and
 * stopped by process id (optionally with htpasswd authentication); {@link
 * dev.cairn.testkit.registry.OciArtifactPusher} pushes artifacts laid out as {@code flux push
 * artifact} does. Needs the Debian package {@code docker-registry} installed.
 *
 * <p>No Cairn production code lives here and nothing here depends on {@code cairn-source}.
 */
package dev.cairn.testkit.registry;
