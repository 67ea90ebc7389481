package dev.cairn.engine.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.notification.Alert;
import dev.cairn.api.notification.Provider;
import dev.cairn.api.notification.ProviderSpec;
import dev.cairn.engine.FieldRefusals;
import dev.cairn.engine.SecretData;
import dev.cairn.notify.AlertRule;
import dev.cairn.notify.RouteSource;
import dev.cairn.notify.provider.NotifyException;
import dev.cairn.notify.provider.ProviderSettings;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's view of the cluster: Alerts as they are now (from a watch once {@link #start
 * started}, listed per event before), and a Provider with its Secret read at the moment of sending
 * (so a rotated token is used at once). An Alert or Provider that sets a refused field, or whose
 * spec is invalid, is skipped with a log line, as its status says.
 */
public final class ClusterRoutes implements RouteSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRoutes.class);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final KubernetesClient client;
  private final WatchedAlerts watched;

  public ClusterRoutes(KubernetesClient client) {
    this.client = client;
    this.watched = new WatchedAlerts(client);
  }

  /**
   * Starts the watch of Alerts: from then on (once listed) Alerts are read from it instead of one
   * list per event. Returns at once.
   */
  public void start() {
    watched.start();
  }

  /** Stops the watch of Alerts; reads go back to the server. */
  @Override
  public void close() {
    watched.close();
  }

  @Override
  public List<AlertRule> alerts() {
    return watched
        .rules(ClusterRoutes::rulesOf)
        .orElseGet(() -> rulesOf(client.resources(Alert.class).inAnyNamespace().list().getItems()));
  }

  private static List<AlertRule> rulesOf(Collection<Alert> alerts) {
    List<AlertRule> rules = new ArrayList<>();
    for (Alert alert : alerts) {
      if (alert.getSpec() == null) {
        continue;
      }
      try {
        rules.add(AlertRules.of(alert));
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "Alert {}/{} skipped: {}",
            alert.getMetadata().getNamespace(),
            alert.getMetadata().getName(),
            e.getMessage());
      }
    }
    return rules;
  }

  @Override
  public Optional<ProviderSettings> provider(String namespace, String name) throws NotifyException {
    Provider provider;
    try {
      provider = client.resources(Provider.class).inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new NotifyException("cannot read Provider " + namespace + "/" + name, true);
    }
    if (provider == null || provider.getSpec() == null) {
      throw new NotifyException("Provider " + namespace + "/" + name + " not found", true);
    }
    if (Boolean.TRUE.equals(provider.getSpec().suspend())) {
      return Optional.empty();
    }
    Optional<String> refused =
        FieldRefusals.firstRefused(
            NotificationRefusals.PROVIDER,
            client
                .getKubernetesSerialization()
                .convertValue(provider.getSpec(), com.fasterxml.jackson.databind.JsonNode.class));
    if (refused.isPresent()) {
      throw new NotifyException("Provider " + namespace + "/" + name + ": " + refused.get(), false);
    }
    return Optional.of(settings(provider));
  }

  /** The Provider with its Secret and CA read. */
  ProviderSettings settings(Provider provider) throws NotifyException {
    ProviderSpec spec = provider.getSpec();
    String namespace = provider.getMetadata().getNamespace();
    String id = "Provider " + namespace + "/" + provider.getMetadata().getName();
    Map<String, String> secret =
        spec.secretRef() == null ? Map.of() : secret(namespace, spec.secretRef().name(), id);
    String address = secret.getOrDefault("address", spec.address());
    String ca = null;
    if (spec.certSecretRef() != null) {
      Map<String, String> certs = secret(namespace, spec.certSecretRef().name(), id);
      ca = certs.getOrDefault("ca.crt", certs.get("caFile"));
      if (ca == null) {
        throw new NotifyException(
            id + ": Secret " + spec.certSecretRef().name() + " has no ca.crt (or caFile)", false);
      }
    }
    Duration timeout = FluxDuration.parseOrNull(spec.timeout());
    return new ProviderSettings(
        namespace,
        provider.getMetadata().getName(),
        provider.getMetadata().getUid(),
        spec.type(),
        address,
        secret.containsKey("address"),
        spec.channel(),
        secret.getOrDefault("username", spec.username()),
        secret.get("token"),
        secret.get("password"),
        headers(secret.get("headers"), id),
        secret.getOrDefault("proxy", spec.proxy()),
        timeout,
        ca);
  }

  private Map<String, String> secret(String namespace, String name, String id)
      throws NotifyException {
    Secret secret;
    try {
      secret = client.secrets().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new NotifyException(id + ": cannot read Secret " + name, true);
    }
    if (secret == null) {
      throw new NotifyException(id + ": Secret " + name + " not found", true);
    }
    return SecretData.of(secret);
  }

  private static Map<String, String> headers(String yaml, String id) throws NotifyException {
    if (yaml == null || yaml.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, String> headers = YAML.readValue(yaml, new TypeReference<>() {});
      return headers == null ? Map.of() : headers;
    } catch (IOException e) {
      throw new NotifyException(
          id + ": the headers key of its Secret is not a YAML map of strings", false);
    }
  }
}
