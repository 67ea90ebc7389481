/**
 * The {@code cairn} command line: thin picocli commands, printers, and the one place that maps
 * errors to exit codes.
 */
package dev.cairn.cli;
