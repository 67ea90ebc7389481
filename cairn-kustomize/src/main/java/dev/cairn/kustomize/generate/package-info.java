/**
 * ConfigMap and Secret generators: argument parsing, literal and env-file sources, and the
 * name-suffix hash.
 *
 * <p>Files are read through a callback supplied by the engine; nothing here touches the file system
 * or the environment directly.
 */
package dev.cairn.kustomize.generate;
