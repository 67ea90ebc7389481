/**
 * The {@code cairn} command line: thin picocli commands, and the one place that maps errors to exit
 * codes and one-line messages.
 *
 * <p>A command parses its options, calls one facade of another module, and prints through a printer
 * from {@code dev.cairn.cli.output}. No reconciliation logic lives here.
 */
package dev.cairn.cli;
