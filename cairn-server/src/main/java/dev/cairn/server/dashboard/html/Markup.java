package dev.cairn.server.dashboard.html;

/**
 * A small HTML writer that escapes every text and attribute value. Tags and attribute names are the
 * caller's constants; values (object names, messages, revisions from Git) always go through {@link
 * #escape}.
 */
public final class Markup {
  private final StringBuilder out = new StringBuilder(4096);

  /** Escapes {@code & < > " '} for text and double- or single-quoted attribute values. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** Opens {@code tag} with attributes given as name, value pairs (a null value is left out). */
  public Markup open(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append('>');
    return this;
  }

  public Markup close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** A whole element with escaped text content. */
  public Markup element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /** A void element ({@code input}, {@code meta}, {@code link}). */
  public Markup empty(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append('>');
    return this;
  }

  public Markup text(String text) {
    out.append(escape(text));
    return this;
  }

  /** Appends markup another {@code Markup} produced (already escaped). */
  public Markup append(Markup other) {
    out.append(other.out);
    return this;
  }

  /** Appends markup made by this package's own constant strings, never by data. */
  Markup constant(String markup) {
    out.append(markup);
    return this;
  }

  private void attributes(String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] == null) {
        continue;
      }
      out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1]));
      out.append('"');
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
