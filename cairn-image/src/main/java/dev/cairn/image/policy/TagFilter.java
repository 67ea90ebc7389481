package dev.cairn.image.policy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flux's {@code filterTags}: tags matching {@code pattern} (Go's RE2 syntax, run by RE2/J in time
 * linear in the tag's length, so no pattern can stall a scan) take part; with {@code extract} the
 * value compared is the expansion of {@code $name}, {@code ${name}}, {@code $1} over the match, as
 * Go's {@code Regexp.ExpandString}. An unanchored pattern matches anywhere in the tag, as in Go.
 */
public final class TagFilter {
  private final Pattern pattern;
  private final String extract;

  private TagFilter(Pattern pattern, String extract) {
    this.pattern = pattern;
    this.extract = extract;
  }

  /** Every tag, compared as it is. */
  public static TagFilter all() {
    return new TagFilter(null, "");
  }

  /**
   * @throws IllegalArgumentException naming the pattern when it does not compile
   */
  public static TagFilter of(String pattern, String extract) {
    if (pattern == null || pattern.isEmpty()) {
      return new TagFilter(null, extract == null ? "" : extract);
    }
    try {
      return new TagFilter(Pattern.compile(pattern), extract == null ? "" : extract);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "filterTags.pattern '"
              + pattern
              + "' is not a valid regular expression: "
              + e.getDescription());
    }
  }

  /** The compared value of each matching tag, by tag, in the input's order. */
  public Map<String, String> apply(List<String> tags) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String tag : tags) {
      if (pattern == null) {
        values.put(tag, tag);
        continue;
      }
      Matcher m = pattern.matcher(tag);
      if (!m.find()) {
        continue;
      }
      values.put(tag, extract.isEmpty() ? tag : expand(m, tag));
    }
    return values;
  }

  /** Go's {@code ExpandString}: {@code $$} is a dollar; an unknown or unmatched group is empty. */
  private String expand(Matcher m, String tag) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < extract.length()) {
      char c = extract.charAt(i);
      if (c != '$' || i + 1 == extract.length()) {
        out.append(c);
        i++;
        continue;
      }
      if (extract.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      String name;
      int end;
      if (extract.charAt(i + 1) == '{') {
        int close = extract.indexOf('}', i + 2);
        if (close < 0) {
          out.append(c);
          i++;
          continue;
        }
        name = extract.substring(i + 2, close);
        end = close + 1;
      } else {
        end = i + 1;
        while (end < extract.length() && isNameChar(extract.charAt(end))) {
          end++;
        }
        name = extract.substring(i + 1, end);
      }
      if (name.isEmpty() || !name.chars().allMatch(ch -> isNameChar((char) ch))) {
        out.append(c);
        i++;
        continue;
      }
      String value = group(m, name);
      out.append(value == null ? "" : value);
      i = end;
    }
    return out.toString();
  }

  private static String group(Matcher m, String name) {
    try {
      if (name.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(name);
        return index <= m.groupCount() ? m.group(index) : null;
      }
      return m.group(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isNameChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c) && c < 128;
  }
}
