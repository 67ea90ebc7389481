package dev.cairn.source;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Replaces known secret values in text with {@code ***}. Built from the credentials of one fetch,
 * applied to every message that may echo library output.
 */
public final class Redactor {
  private static final String MASK = "***";
  private static final Redactor NONE = new Redactor(List.of());

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor hiding the given values; null, blank and very short values are ignored. */
  public static Redactor of(String... secrets) {
    List<String> kept =
        Stream.of(secrets).filter(Objects::nonNull).filter(s -> s.strip().length() >= 3).toList();
    return kept.isEmpty() ? NONE : new Redactor(kept);
  }

  public static Redactor none() {
    return NONE;
  }

  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  /** Wraps a library exception so that neither its message nor its causes reveal a secret. */
  public Throwable redact(Throwable cause) {
    return cause == null ? null : RedactedCause.of(cause, this);
  }
}
