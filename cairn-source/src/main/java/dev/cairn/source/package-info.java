/**
 * Fetchers for Git, Helm repositories and OCI registries, and the content-addressed artifact store
 * they write to. This package holds what all of them share: {@link
 * dev.cairn.source.SourceException} with its {@link dev.cairn.source.SourceReason}, and the {@link
 * dev.cairn.source.Redactor} that keeps credentials out of messages.
 *
 * <p>May use the network and the disk; knows nothing of rendering or applying, and nothing of the
 * {@code cairn.dev/v1} CRD classes (callers map a CRD spec onto this module's records).
 */
package dev.cairn.source;
