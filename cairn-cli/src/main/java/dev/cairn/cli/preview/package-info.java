/**
 * What {@code cairn preview} prints: the report of cairn-engine's {@code dev.cairn.engine.preview}
 * as plain text, as a Markdown pull-request comment or as JSON, and the variables file it reads.
 * Printers format; they never render or compare.
 */
package dev.cairn.cli.preview;
