package dev.cairn.notify.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Provider with its Secret read: what a {@link Notifier} needs. {@link #toString()} and {@link
 * #redact(String)} keep the secret values (token, password, header values, an address or proxy from
 * the Secret) out of anything printed.
 *
 * @param uid the Provider's uid (commit status ids are formed from it)
 * @param addressSecret true when the address came from the Secret (webhook URLs carry secrets)
 * @param caCertificate PEM of the CA to trust ({@code certSecretRef}), or null
 */
public record ProviderSettings(
    String namespace,
    String name,
    String uid,
    String type,
    String address,
    boolean addressSecret,
    String channel,
    String username,
    String token,
    String password,
    Map<String, String> headers,
    String proxy,
    Duration timeout,
    String caCertificate) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  public ProviderSettings {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    uid = uid == null ? "" : uid;
  }

  /** A Provider with only a type and address (tests, and providers without a Secret). */
  public static ProviderSettings of(String type, String address) {
    return new ProviderSettings(
        "default", type, "", type, address, false, null, null, null, null, Map.of(), null, null,
        null);
  }

  public ProviderSettings withToken(String value) {
    return new ProviderSettings(
        namespace,
        name,
        uid,
        type,
        address,
        addressSecret,
        channel,
        username,
        value,
        password,
        headers,
        proxy,
        timeout,
        caCertificate);
  }

  public ProviderSettings withUid(String value) {
    return new ProviderSettings(
        namespace,
        name,
        value,
        type,
        address,
        addressSecret,
        channel,
        username,
        token,
        password,
        headers,
        proxy,
        timeout,
        caCertificate);
  }

  public ProviderSettings withChannel(String value, String user) {
    return new ProviderSettings(
        namespace,
        name,
        uid,
        type,
        address,
        addressSecret,
        value,
        user,
        token,
        password,
        headers,
        proxy,
        timeout,
        caCertificate);
  }

  public ProviderSettings withPassword(String value) {
    return new ProviderSettings(
        namespace,
        name,
        uid,
        type,
        address,
        addressSecret,
        channel,
        username,
        token,
        value,
        headers,
        proxy,
        timeout,
        caCertificate);
  }

  public ProviderSettings withHeaders(Map<String, String> value) {
    return new ProviderSettings(
        namespace,
        name,
        uid,
        type,
        address,
        addressSecret,
        channel,
        username,
        token,
        password,
        value,
        proxy,
        timeout,
        caCertificate);
  }

  public ProviderSettings withTimeout(Duration value) {
    return new ProviderSettings(
        namespace,
        name,
        uid,
        type,
        address,
        addressSecret,
        channel,
        username,
        token,
        password,
        headers,
        proxy,
        value,
        caCertificate);
  }

  /** {@code namespace/name}. */
  public String id() {
    return namespace + "/" + name;
  }

  /** {@code text} with every secret value of these settings replaced by {@code *****}. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    List<String> secrets = new ArrayList<>(headers.values());
    secrets.add(token);
    secrets.add(password);
    if (addressSecret) {
      secrets.add(address);
    }
    secrets.add(proxy);
    String out = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 3) {
        out = out.replace(secret, "*****");
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "ProviderSettings[" + type + " " + id() + "]";
  }
}
