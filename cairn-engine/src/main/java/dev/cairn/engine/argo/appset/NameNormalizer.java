package dev.cairn.engine.argo.appset;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code *Normalized} parameters: lower case, every character outside {@code [-a-z0-9.]}
 * becomes {@code -}, at most 253 characters, leading and trailing {@code -} and {@code .} trimmed
 * (Argo CD's rule for DNS-compatible names).
 */
final class NameNormalizer {
  private static final Pattern INVALID = Pattern.compile("[^-a-z0-9.]");
  private static final int MAX = 253;

  private NameNormalizer() {}

  static String normalize(String name) {
    String out = INVALID.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
    if (out.length() > MAX) {
      out = out.substring(0, MAX);
    }
    int start = 0;
    int end = out.length();
    while (start < end && (out.charAt(start) == '-' || out.charAt(start) == '.')) {
      start++;
    }
    while (end > start && (out.charAt(end - 1) == '-' || out.charAt(end - 1) == '.')) {
      end--;
    }
    return out.substring(start, end);
  }
}
