package dev.cairn.sim.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code first/second}, built once per pair: API versions ({@code apps/v1}) and type keys ({@code
 * apps/deployments}) are asked for several times per request, from a handful of pairs.
 */
final class Joined {
  private static final Map<String, Map<String, String>> JOINED = new ConcurrentHashMap<>();

  private Joined() {}

  static String of(String first, String second) {
    return JOINED
        .computeIfAbsent(first, f -> new ConcurrentHashMap<>())
        .computeIfAbsent(second, s -> first + "/" + s);
  }
}
