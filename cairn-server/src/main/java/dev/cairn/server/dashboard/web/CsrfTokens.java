package dev.cairn.server.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sessions and their CSRF tokens: a session is a random id in an HTTP-only, SameSite=Strict cookie;
 * its token is an HMAC of the id under a key that lives only in this process, embedded in pages and
 * required (header {@code X-Cairn-Csrf}) on every action.
 */
final class CsrfTokens {
  static final String HEADER = "x-cairn-csrf";
  static final String COOKIE = "cairn-session";

  private final SecureRandom random = new SecureRandom();
  private final byte[] key = new byte[32];

  CsrfTokens() {
    random.nextBytes(key);
  }

  String newSession() {
    byte[] id = new byte[24];
    random.nextBytes(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
  }

  String token(String session) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(session.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** True when {@code presented} is the token of {@code session} (compared in constant time). */
  boolean valid(String session, String presented) {
    if (session == null || session.isEmpty() || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        token(session).getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }
}
