package dev.cairn.manifest;

import java.util.Comparator;

/**
 * The order in which kustomize prints map keys (go-yaml's key sorter): letters compare by code
 * point, runs of digits compare by numeric value, and other characters sort before digits and
 * letters.
 */
final class KeyOrder implements Comparator<String> {

  static final KeyOrder INSTANCE = new KeyOrder();

  private KeyOrder() {}

  @Override
  public int compare(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    return less(a, b) ? -1 : 1;
  }

  /**
   * Walks both strings by code point; up to the first difference they share their char offsets, so
   * one index serves both. Digit runs are scanned by char: digits are never surrogates.
   */
  private static boolean less(String a, String b) {
    boolean digits = false;
    int i = 0;
    while (i < a.length() && i < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(i);
      if (ca == cb) {
        digits = Character.isDigit(ca);
        i += Character.charCount(ca);
        continue;
      }
      boolean aLetter = Character.isLetter(ca);
      boolean bLetter = Character.isLetter(cb);
      if (aLetter && bLetter) {
        return ca < cb;
      }
      if (aLetter || bLetter) {
        return digits ? aLetter : bLetter;
      }
      long aNumber = 0;
      long bNumber = 0;
      if (ca == '0' || cb == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(a.charAt(j)); j--) {
          if (a.charAt(j) != '0') {
            aNumber = 1;
            bNumber = 1;
            break;
          }
        }
      }
      int aEnd = i;
      for (; aEnd < a.length() && Character.isDigit(a.charAt(aEnd)); aEnd++) {
        aNumber = aNumber * 10 + (a.charAt(aEnd) - '0');
      }
      int bEnd = i;
      for (; bEnd < b.length() && Character.isDigit(b.charAt(bEnd)); bEnd++) {
        bNumber = bNumber * 10 + (b.charAt(bEnd) - '0');
      }
      if (aNumber != bNumber) {
        return aNumber < bNumber;
      }
      if (aEnd != bEnd) {
        return aEnd < bEnd;
      }
      return ca < cb;
    }
    return a.length() < b.length();
  }
}
