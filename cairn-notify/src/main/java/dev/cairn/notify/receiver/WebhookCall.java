package dev.cairn.notify.receiver;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One call to a webhook: its method, headers (looked up without regard to case) and body. */
public record WebhookCall(String method, Map<String, String> headers, byte[] body) {
  public WebhookCall {
    Map<String, String> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    headers = Map.copyOf(lower);
  }

  /** The header's value, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
