package dev.cairn.manifest;

/** Where a document or an error comes from: a file (or other source name) and a 1-based line. */
public record Origin(String file, int line) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
