/**
 * Printers shared by every command: the {@code -o table|yaml|json} option and the three ways of
 * printing rows. Printers format; they never fetch or compute what they print.
 */
package dev.cairn.cli.output;
