/**
 * How {@code cairn controller} logs: the SLF4J backend (logback) configured from {@code
 * --log-encoding json|console} and {@code --log-level}, writing one line per event to the command's
 * error stream. Only the command line configures logging; the libraries below it log through the
 * SLF4J API and know nothing of the backend.
 */
package dev.cairn.cli.logging;
