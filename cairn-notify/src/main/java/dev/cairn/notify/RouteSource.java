package dev.cairn.notify;

import dev.cairn.notify.provider.NotifyException;
import dev.cairn.notify.provider.ProviderSettings;
import java.util.List;

/** Where the pipeline reads Alerts and Providers (the cluster, in the controller). */
public interface RouteSource {
  /** Every Alert, current. */
  List<AlertRule> alerts();

  /**
   * The Provider {@code namespace/name} with its Secret read, or empty when the Provider is
   * suspended.
   *
   * @throws NotifyException when it or its Secret cannot be read (retryable: it may appear soon)
   */
  java.util.Optional<ProviderSettings> provider(String namespace, String name)
      throws NotifyException;
}
