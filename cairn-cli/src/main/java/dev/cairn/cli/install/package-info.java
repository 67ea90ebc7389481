/**
 * Cairn in a cluster: the install manifests (one source, {@link
 * dev.cairn.cli.install.InstallManifests}, printed by {@code cairn install --export} and rendered
 * again by the Helm chart in {@code deploy/chart}), applying them server-side and waiting, and
 * removing them ({@code cairn uninstall}). Nothing here reconciles; the Deployment runs {@code
 * cairn controller}.
 */
package dev.cairn.cli.install;
