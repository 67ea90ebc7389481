package dev.cairn.notify.receiver;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each Receiver type's check of a call, as notification-controller makes it: {@code generic} (the
 * secret path is the check), {@code generic-hmac} ({@code X-Signature: <algo>=<hex HMAC>} of the
 * body with the token), {@code github} ({@code X-Hub-Signature-256}, the {@code X-GitHub-Event}
 * filtered by {@code events}, {@code ping} answered), {@code gitlab} ({@code X-Gitlab-Token},
 * {@code X-Gitlab-Event}), {@code bitbucket} ({@code X-Hub-Signature}, {@code X-Event-Key}), {@code
 * harbor} ({@code Authorization} equal to the token), {@code nexus} ({@code
 * X-Nexus-Webhook-Signature}, HMAC-SHA1). Every comparison is constant-time.
 */
public final class WebhookVerifier {
  private static final Map<String, String> UNSUPPORTED =
      Map.of(
          "gcr", "needs Google's OIDC token verification, which Cairn does not do",
          "cdevents", "needs CDEvents schema validation, which Cairn does not do",
          "dockerhub", "is not implemented by this version of Cairn",
          "quay", "is not implemented by this version of Cairn",
          "acr", "is not implemented by this version of Cairn");
  private static final Set<String> SUPPORTED =
      Set.of("generic", "generic-hmac", "github", "gitlab", "bitbucket", "harbor", "nexus");

  private WebhookVerifier() {}

  /** The supported types, sorted. */
  public static Set<String> supported() {
    return new TreeSet<>(SUPPORTED);
  }

  /** Why {@code type} cannot be used, or empty when it can. */
  public static Optional<String> refusal(String type) {
    if (SUPPORTED.contains(type)) {
      return Optional.empty();
    }
    String why = UNSUPPORTED.getOrDefault(type, "is not a receiver type");
    return Optional.of(
        "receiver type '"
            + type
            + "' "
            + why
            + "; supported types: "
            + String.join(", ", supported()));
  }

  /** Checks one call to a Receiver of {@code type} with its {@code token} and {@code events}. */
  public static Verdict verify(String type, String token, List<String> events, WebhookCall call) {
    byte[] key = token.getBytes(StandardCharsets.UTF_8);
    return switch (type) {
      case "generic" -> Verdict.accepted("generic call accepted");
      case "generic-hmac" -> genericHmac(key, call);
      case "github" -> github(key, events, call);
      case "gitlab" -> gitlab(key, events, call);
      case "bitbucket" ->
          signed("bitbucket", call.header("X-Hub-Signature"), key, call, events, "X-Event-Key");
      case "harbor" ->
          equal(call.header("Authorization"), token)
              ? Verdict.accepted("harbor call accepted")
              : Verdict.rejected(400, "the Harbor Authorization header does not match the token");
      case "nexus" -> nexus(key, call);
      default -> Verdict.rejected(400, refusal(type).orElse("unsupported receiver type"));
    };
  }

  private static Verdict genericHmac(byte[] key, WebhookCall call) {
    String header = call.header("X-Signature");
    if (header == null || !header.contains("=")) {
      return Verdict.rejected(400, "the X-Signature header is missing or malformed");
    }
    String algorithm =
        switch (header.substring(0, header.indexOf('='))) {
          case "sha1" -> "HmacSHA1";
          case "sha256" -> "HmacSHA256";
          case "sha512" -> "HmacSHA512";
          default -> null;
        };
    if (algorithm == null) {
      return Verdict.rejected(400, "the X-Signature algorithm is not sha1, sha256 or sha512");
    }
    String expected = header.substring(0, header.indexOf('=') + 1) + hmac(algorithm, key, call);
    return equal(header, expected)
        ? Verdict.accepted("generic-hmac call accepted")
        : Verdict.rejected(400, "the X-Signature header does not match the body");
  }

  private static Verdict github(byte[] key, List<String> events, WebhookCall call) {
    Verdict signed =
        signed("github", call.header("X-Hub-Signature-256"), key, call, List.of(), null);
    if (signed.status() != 200) {
      return signed;
    }
    String event = call.header("X-GitHub-Event");
    if ("ping".equals(event)) {
      return Verdict.answered("GitHub ping answered");
    }
    return allowed("GitHub", event, events);
  }

  private static Verdict gitlab(byte[] key, List<String> events, WebhookCall call) {
    String header = call.header("X-Gitlab-Token");
    if (header == null || !equal(header, new String(key, StandardCharsets.UTF_8))) {
      return Verdict.rejected(400, "the X-Gitlab-Token header does not match the token");
    }
    return allowed("GitLab", call.header("X-Gitlab-Event"), events);
  }

  private static Verdict nexus(byte[] key, WebhookCall call) {
    String header = call.header("X-Nexus-Webhook-Signature");
    if (header == null || !equal(header, hmac("HmacSHA1", key, call))) {
      return Verdict.rejected(400, "the X-Nexus-Webhook-Signature header does not match");
    }
    return Verdict.accepted("nexus call accepted");
  }

  /** An {@code sha256=<hex>} signature header, then the event filter. */
  private static Verdict signed(
      String who,
      String header,
      byte[] key,
      WebhookCall call,
      List<String> events,
      String eventHeader) {
    String expected = "sha256=" + hmac("HmacSHA256", key, call);
    if (header == null || !equal(header, expected)) {
      return Verdict.rejected(400, "the " + who + " signature header is missing or invalid");
    }
    return eventHeader == null
        ? Verdict.accepted(who + " call accepted")
        : allowed(who, call.header(eventHeader), events);
  }

  private static Verdict allowed(String who, String event, List<String> events) {
    if (events == null || events.isEmpty()) {
      return Verdict.accepted(who + " event " + event + " accepted");
    }
    for (String e : events) {
      if (e.equalsIgnoreCase(event)) {
        return Verdict.accepted(who + " event " + event + " accepted");
      }
    }
    return Verdict.rejected(400, "the " + who + " event '" + event + "' is not authorised");
  }

  static String hmac(String algorithm, byte[] key, WebhookCall call) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
      return HexFormat.of().formatHex(mac.doFinal(call.body()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  /** Constant-time equality of two strings' UTF-8 bytes. */
  static boolean equal(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
