/**
 * Fetchers for Git, Helm repositories and OCI registries, and the content-addressed artifact store
 * they write to.
 *
 * <p>May use the network and the disk; knows nothing of rendering or applying.
 */
package dev.cairn.source;
