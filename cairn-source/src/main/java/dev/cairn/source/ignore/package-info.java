/**
 * {@code .sourceignore} rules (gitignore syntax via JGit's {@code FastIgnoreRule}) with Flux's
 * default excludes. Pure: no I/O.
 */
package dev.cairn.source.ignore;
