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

  private static boolean less(String left, String right) {
    int[] a = left.codePoints().toArray();
    int[] b = right.codePoints().toArray();
    boolean digits = false;
    for (int i = 0; i < a.length && i < b.length; i++) {
      if (a[i] == b[i]) {
        digits = Character.isDigit(a[i]);
        continue;
      }
      boolean aLetter = Character.isLetter(a[i]);
      boolean bLetter = Character.isLetter(b[i]);
      if (aLetter && bLetter) {
        return a[i] < b[i];
      }
      if (aLetter || bLetter) {
        return digits ? aLetter : bLetter;
      }
      long aNumber = 0;
      long bNumber = 0;
      if (a[i] == '0' || b[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
          if (a[j] != '0') {
            aNumber = 1;
            bNumber = 1;
            break;
          }
        }
      }
      int aEnd = i;
      for (; aEnd < a.length && Character.isDigit(a[aEnd]); aEnd++) {
        aNumber = aNumber * 10 + (a[aEnd] - '0');
      }
      int bEnd = i;
      for (; bEnd < b.length && Character.isDigit(b[bEnd]); bEnd++) {
        bNumber = bNumber * 10 + (b[bEnd] - '0');
      }
      if (aNumber != bNumber) {
        return aNumber < bNumber;
      }
      if (aEnd != bEnd) {
        return aEnd < bEnd;
      }
      return a[i] < b[i];
    }
    return a.length < b.length;
  }
}
