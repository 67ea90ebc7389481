package dev.cairn.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Paths where two JSON trees differ, for readable round-trip failures. */
final class JsonTreeDiff {

  private JsonTreeDiff() {}

  static List<String> between(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    walk(expected, actual, "", out);
    return out;
  }

  private static void walk(JsonNode expected, JsonNode actual, String path, List<String> out) {
    if (expected == null || actual == null) {
      out.add(path + ": expected " + expected + " but was " + actual);
    } else if (expected.isObject() && actual.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        walk(expected.get(name), actual.get(name), path + "/" + name, out);
      }
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        walk(expected.get(i), actual.get(i), path + "/" + i, out);
      }
    } else if (expected.isNumber() && actual.isNumber()) {
      // Int and Long nodes of the same number are the same JSON.
      if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        out.add(path + ": expected " + expected + " but was " + actual);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + " but was " + actual);
    }
  }
}
