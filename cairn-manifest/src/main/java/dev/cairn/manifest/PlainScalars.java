package dev.cairn.manifest;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which strings must be quoted because, written plain, the YAML 1.1 reader on the other side would
 * take them for something else: booleans of every spelling, null, numbers, timestamps, sexagesimal
 * floats and the merge key.
 */
final class PlainScalars {

  private static final Set<String> YAML11_SPECIAL =
      Set.of(
          "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
          "OFF");
  private static final Pattern BASE60_FLOAT =
      Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");

  private PlainScalars() {}

  static boolean readsAsNonString(String text) {
    if (text.isEmpty() || YAML11_SPECIAL.contains(text)) {
      return true;
    }
    char first = text.charAt(0);
    if ((Character.isDigit(first) || first == '+' || first == '-')
        && BASE60_FLOAT.matcher(text).matches()) {
      return true;
    }
    return ScalarResolver.readsAsNonString(text);
  }
}
