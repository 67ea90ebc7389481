package dev.cairn.engine.notification;

import dev.cairn.engine.Tenancy;
import dev.cairn.notify.AlertRule;
import dev.cairn.notify.RouteSource;
import dev.cairn.notify.provider.NotifyException;
import dev.cairn.notify.provider.ProviderSettings;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes with {@link Tenancy}'s lockdown: an Alert with an event source in another namespace
 * sends nothing (its status says AccessDenied, {@link AlertKind}), so no tenant hears of another
 * tenant's objects. Without the lockdown the routes pass through unchanged.
 */
public final class TenantRoutes implements RouteSource {
  private static final Logger LOG = LoggerFactory.getLogger(TenantRoutes.class);

  private final RouteSource routes;
  private final Tenancy tenancy;

  private TenantRoutes(RouteSource routes, Tenancy tenancy) {
    this.routes = routes;
    this.tenancy = tenancy;
  }

  /** {@code routes} as they are when cross-namespace references are allowed, else confined. */
  public static RouteSource of(RouteSource routes, Tenancy tenancy) {
    return tenancy.noCrossNamespaceRefs() ? new TenantRoutes(routes, tenancy) : routes;
  }

  @Override
  public List<AlertRule> alerts() {
    return routes.alerts().stream().filter(this::confined).toList();
  }

  private boolean confined(AlertRule alert) {
    Optional<String> blocked =
        alert.sources().stream()
            .map(s -> tenancy.blocked(alert.namespace(), s.kind(), s.namespace(), s.name()))
            .flatMap(Optional::stream)
            .findFirst();
    blocked.ifPresent(message -> LOG.debug("Alert {} skipped: {}", alert.id(), message));
    return blocked.isEmpty();
  }

  @Override
  public Optional<ProviderSettings> provider(String namespace, String name) throws NotifyException {
    return routes.provider(namespace, name);
  }
}
