package dev.cairn.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the SealedSecret keys live and how often a new one is made.
 *
 * @param keyNamespace the namespace of the sealing key Secrets (the controller's)
 * @param keyRenewPeriod the age at which a new active key is made (sealed-secrets' {@code
 *     --key-renew-period}); zero never renews
 */
public record SealingOptions(String keyNamespace, Duration keyRenewPeriod) {
  public SealingOptions {
    Objects.requireNonNull(keyNamespace, "keyNamespace");
    if (keyRenewPeriod == null || keyRenewPeriod.isNegative()) {
      throw new IllegalArgumentException(
          "the key renew period must be zero or positive, was " + keyRenewPeriod);
    }
  }

  /**
   * Keys in {@code cairn-system}, renewed every 30 days (720h), as the sealed-secrets controller.
   */
  public static SealingOptions defaults() {
    return new SealingOptions("cairn-system", Duration.ofHours(720));
  }

  public SealingOptions withKeyNamespace(String namespace) {
    return new SealingOptions(namespace, keyRenewPeriod);
  }

  public SealingOptions withKeyRenewPeriod(Duration period) {
    return new SealingOptions(keyNamespace, period);
  }
}
