/**
 * Image automation as a library: {@code registry} scans tag lists, {@code policy} picks a tag,
 * {@code setters} rewrites marked lines, {@code git} commits and pushes, {@code pullrequest} opens
 * pull requests. No Kubernetes I/O: the engine's kinds read Secrets and objects and call these.
 */
package dev.cairn.image;
