package dev.cairn.render.substitute;

import dev.cairn.render.substitute.TemplateNode.Expansion;
import dev.cairn.render.substitute.TemplateNode.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses text with {@code ${...}} expansions the way Flux's envsubst does.
 *
 * <ul>
 *   <li>Only {@code ${} starts an expansion; {@code $var} is literal text. <li>{@code $$} is an
 *       escape for {@code $} in text, so {@code $${var}} is the literal {@code ${var}}; inside
 *       replacement arguments {@code \/} and {@code \\} are escapes too. <li>After the name: {@code
 *       :} starts a default ({@code :=}, {@code :-}, {@code :?}, {@code :+}) or a substring; {@code
 *       =} a default; {@code ^ ,} casing; {@code /} replacement; {@code # %} trimming. Anything
 *       else must be {@code }} ("missing closing brace"), so {@code ${var-x}} is an error as it is
 *       in Flux.
 * </ul>
 */
final class TemplateParser {
  private final String text;
  private int pos;

  private TemplateParser(String text) {
    this.text = text;
  }

  static List<TemplateNode> parse(String text) {
    return new TemplateParser(text).parseTop();
  }

  private List<TemplateNode> parseTop() {
    List<TemplateNode> nodes = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    while (pos < text.length()) {
      if (text.startsWith("${", pos)) {
        flush(literal, nodes);
        pos += 2;
        nodes.add(parseExpansion(pos - 2));
      } else if (text.startsWith("$$", pos)) {
        literal.append('$');
        pos += 2;
      } else {
        literal.append(text.charAt(pos++));
      }
    }
    flush(literal, nodes);
    return nodes;
  }

  private static void flush(StringBuilder literal, List<TemplateNode> nodes) {
    if (literal.length() > 0) {
      nodes.add(new Text(literal.toString()));
      literal.setLength(0);
    }
  }

  // Called with pos just after "${".
  private Expansion parseExpansion(int start) {
    if (peek() == '#') {
      pos++;
      String name = identifier();
      if (name.isEmpty()) {
        throw error("bad substitution", start);
      }
      closeBrace("bad substitution", start);
      return new Expansion(name, Operator.LENGTH, List.of(), start);
    }
    String name = identifier();
    if (name.isEmpty()) {
      throw error("unable to parse variable name", start);
    }
    char next = peek();
    switch (next) {
      case ':' -> {
        char after = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
        if (after == '=' || after == '-' || after == '?' || after == '+') {
          pos += 2;
          return defaulting(name, Operator.defaulting(":" + after), start);
        }
        pos++;
        return substring(name, start);
      }
      case '=' -> {
        pos++;
        return defaulting(name, Operator.DEFAULT_ASSIGN, start);
      }
      case ',', '^' -> {
        int from = pos;
        while (pos - from < 2 && (peek() == ',' || peek() == '^')) {
          pos++;
        }
        Operator op = Operator.casing(text.substring(from, pos));
        closeBrace("bad substitution", start);
        return new Expansion(name, op, List.of(), start);
      }
      case '/' -> {
        return replacement(name, start);
      }
      case '#', '%' -> {
        int from = pos;
        while (pos - from < 2 && peek() == next) {
          pos++;
        }
        Operator op = trim(text.substring(from, pos));
        TemplateNode arg = param("}", false, start);
        closeBrace("bad substitution", start);
        return new Expansion(name, op, List.of(arg), start);
      }
      default -> {
        closeBrace("missing closing brace", start);
        return new Expansion(name, Operator.VALUE, List.of(), start);
      }
    }
  }

  private static Operator trim(String spelling) {
    return switch (spelling) {
      case "#" -> Operator.TRIM_SHORTEST_PREFIX;
      case "##" -> Operator.TRIM_LONGEST_PREFIX;
      case "%" -> Operator.TRIM_SHORTEST_SUFFIX;
      default -> Operator.TRIM_LONGEST_SUFFIX;
    };
  }

  private Expansion defaulting(String name, Operator op, int start) {
    List<TemplateNode> args = new ArrayList<>();
    while (peek() != '}') {
      args.add(param("}", false, start));
    }
    pos++;
    return new Expansion(name, op, args, start);
  }

  private Expansion substring(String name, int start) {
    List<TemplateNode> args = new ArrayList<>();
    args.add(param(":}", false, start));
    if (peek() == '}') {
      pos++;
      return new Expansion(name, Operator.SUBSTRING, args, start);
    }
    if (peek() != ':') {
      throw error("bad substitution", start);
    }
    while (peek() == ':') {
      pos++;
    }
    args.add(param("}", false, start));
    closeBrace("bad substitution", start);
    return new Expansion(name, Operator.SUBSTRING, args, start);
  }

  private Expansion replacement(String name, int start) {
    pos++; // the first '/'
    Operator op = Operator.REPLACE_FIRST;
    switch (peek()) {
      case '/' -> op = Operator.REPLACE_ALL;
      case '#' -> op = Operator.REPLACE_PREFIX;
      case '%' -> op = Operator.REPLACE_SUFFIX;
      default -> {}
    }
    if (op != Operator.REPLACE_FIRST) {
      pos++;
    }
    List<TemplateNode> args = new ArrayList<>();
    args.add(param("/", true, start));
    if (peek() != '/') {
      throw error("bad substitution", start);
    }
    while (peek() == '/') {
      pos++;
    }
    if (peek() == '}') {
      pos++;
      return new Expansion(name, op, args, start);
    }
    args.add(param("}", true, start));
    closeBrace("bad substitution", start);
    return new Expansion(name, op, args, start);
  }

  /**
   * One argument: a nested expansion, or text up to one of {@code stops}, the end, or the next
   * {@code ${}. Empty text is an error, as it is in envsubst.
   */
  private TemplateNode param(String stops, boolean escapes, int start) {
    if (text.startsWith("${", pos)) {
      int nested = pos;
      pos += 2;
      return parseExpansion(nested);
    }
    StringBuilder value = new StringBuilder();
    while (pos < text.length() && !text.startsWith("${", pos)) {
      char c = text.charAt(pos);
      if (escapes && isEscape(c)) {
        value.append(text.charAt(pos + 1));
        pos += 2;
        continue;
      }
      if (stops.indexOf(c) >= 0) {
        break;
      }
      value.append(c);
      pos++;
    }
    if (value.length() == 0) {
      throw error("unable to parse substitution within function", start);
    }
    return new Text(value.toString());
  }

  private boolean isEscape(char c) {
    if (pos + 1 >= text.length()) {
      return false;
    }
    char next = text.charAt(pos + 1);
    return (c == '$' && next == '$') || (c == '\\' && (next == '/' || next == '\\'));
  }

  private String identifier() {
    int from = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        break;
      }
      pos++;
    }
    return text.substring(from, pos);
  }

  private void closeBrace(String problem, int start) {
    if (peek() != '}') {
      throw error(problem, start);
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  // No excerpt of the text: it may hold decrypted secrets.
  private TemplateException error(String problem, int start) {
    return TemplateException.syntax(problem, lineOf(text, start));
  }

  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
