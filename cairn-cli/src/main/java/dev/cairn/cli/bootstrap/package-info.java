/**
 * {@code cairn bootstrap git}: Cairn's install manifests and its own sync objects committed to a
 * fleet repository ({@code <path>/<namespace>/}, the layout {@code flux bootstrap} writes), then
 * installed and applied, and waited for until the root Kustomization runs the pushed commit.
 */
package dev.cairn.cli.bootstrap;
