package dev.cairn.kustomize;

/**
 * A kustomization that cannot be built. The message says what went wrong and where: the file
 * (relative to the build directory when it lies inside it) and the line when known.
 */
public class KustomizeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  public KustomizeException(String file, int line, String message) {
    super(format(file, line, message));
    this.file = file;
    this.line = line;
  }

  public KustomizeException(String file, int line, String message, Throwable cause) {
    super(format(file, line, message), cause);
    this.file = file;
    this.line = line;
  }

  /** The file the problem is in, or null when it concerns no single file. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }

  private static String format(String file, int line, String message) {
    if (file == null) {
      return message;
    }
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
