/**
 * Flux's Setters strategy as text edits: {@link dev.cairn.image.setters.SetterRewriter} finds the
 * {@code # {"$imagepolicy": "ns:name[:tag|:name|:digest]"}} markers in the YAML files under a
 * directory and replaces the marked scalar only, so every comment, blank line, quote style and key
 * order of the file stays. Pure file I/O, no Git.
 */
package dev.cairn.image.setters;
