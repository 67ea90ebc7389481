package dev.cairn.notify.receiver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where Flux serves a Receiver: {@code /hook/} and the hex SHA-256 of token, name, namespace. */
public final class WebhookPath {
  public static final String PREFIX = "/hook/";

  private WebhookPath() {}

  public static String of(String token, String name, String namespace) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((token + name + namespace).getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
