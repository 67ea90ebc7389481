package dev.cairn.manifest;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order in which kustomize prints map keys (the key sorter of go-yaml v2, which its JSON to
 * YAML step uses): letters compare by code point, runs of digits compare by numeric value, and
 * other characters sort before letters.
 */
final class KeyOrder implements Comparator<String> {

  static final KeyOrder INSTANCE = new KeyOrder();

  private KeyOrder() {}

  private static final int INSERTION_SORT_MAX = 12;

  /**
   * Sorts map entries by key. go-yaml's order is not transitive for some keys that mix digits and
   * punctuation ({@code 10 < 1BB9 < 9e. < 10}); kustomize's output then depends on Go's random map
   * order, and Java's {@code List.sort} could throw. A plain merge sort gives a stable result and
   * never throws; for consistently ordered keys (all real ones) every sort gives the same order.
   */
  @SuppressWarnings("unchecked")
  static <V> void sort(List<Map.Entry<String, V>> entries) {
    Map.Entry<String, V>[] items = entries.toArray(new Map.Entry[0]);
    mergeSort(items, items.clone(), 0, items.length);
    for (int i = 0; i < items.length; i++) {
      entries.set(i, items[i]);
    }
  }

  private static <V> void mergeSort(
      Map.Entry<String, V>[] items, Map.Entry<String, V>[] scratch, int from, int to) {
    if (to - from <= INSERTION_SORT_MAX) {
      for (int i = from + 1; i < to; i++) {
        for (int j = i; j > from && less(items[j].getKey(), items[j - 1].getKey()); j--) {
          Map.Entry<String, V> swap = items[j];
          items[j] = items[j - 1];
          items[j - 1] = swap;
        }
      }
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(items, scratch, from, middle);
    mergeSort(items, scratch, middle, to);
    System.arraycopy(items, from, scratch, from, to - from);
    int left = from;
    int right = middle;
    for (int k = from; k < to; k++) {
      if (right >= to || left < middle && !less(scratch[right].getKey(), scratch[left].getKey())) {
        items[k] = scratch[left++];
      } else {
        items[k] = scratch[right++];
      }
    }
  }

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
    int i = 0;
    while (i < a.length() && i < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(i);
      if (ca == cb) {
        i += Character.charCount(ca);
        continue;
      }
      boolean aLetter = Character.isLetter(ca);
      boolean bLetter = Character.isLetter(cb);
      if (aLetter && bLetter) {
        return ca < cb;
      }
      if (aLetter || bLetter) {
        return bLetter;
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
