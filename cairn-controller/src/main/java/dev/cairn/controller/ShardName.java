package dev.cairn.controller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The name of a sharded controller, derived from its {@code --watch-label-selector}: the first
 * eight hex digits of the selector's SHA-256, as Flux derives a shard's leader-election ID. It is a
 * valid label value, so it also marks what the shard applies ({@code cairn.dev/shard}).
 */
public final class ShardName {
  private ShardName() {}

  /** Empty for a controller without a selector (not sharded). */
  public static Optional<String> of(String selector) {
    if (selector == null || selector.isBlank()) {
      return Optional.empty();
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(selector.strip().getBytes(StandardCharsets.UTF_8));
      return Optional.of(HexFormat.of().formatHex(digest, 0, 4));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
