/**
 * Registry scans: {@link dev.cairn.image.registry.ImageName} parses and canonicalises image names;
 * {@link dev.cairn.image.registry.TagLister} reads a repository's tag list through the Distribution
 * API (Link-header pages, basic credentials, the bearer-token flow, TLS) and a tag's manifest
 * digest; {@link dev.cairn.image.registry.TagStore} keeps scanned tags in memory.
 */
package dev.cairn.image.registry;
