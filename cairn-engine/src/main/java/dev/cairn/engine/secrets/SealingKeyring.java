package dev.cairn.engine.secrets;

import dev.cairn.api.sealed.SealedSecret;
import dev.cairn.secrets.sealed.SealingKey;
import dev.cairn.secrets.sealed.SealingKeyGenerator;
import dev.cairn.secrets.sealed.SealingKeyPem;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sealing keys, kept as the sealed-secrets controller keeps them: {@code kubernetes.io/tls}
 * Secrets in the controller namespace labelled {@code
 * sealedsecrets.bitnami.com/sealed-secrets-key=active}. Every such Secret opens values (old keys
 * stay for decryption); the newest (by creation time) is the active one, whose certificate people
 * seal with. A Secret that does not hold a readable key is skipped with a warning naming it.
 */
public final class SealingKeyring {
  private static final Logger LOG = LoggerFactory.getLogger(SealingKeyring.class);
  static final String SECRET_PREFIX = "sealed-secrets-key";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KubernetesClient client;
  private final String namespace;
  private final SealingKeyGenerator generator;
  private final Clock clock;
  private final Map<String, SealingKey> parsed = new ConcurrentHashMap<>();

  public SealingKeyring(
      KubernetesClient client, String namespace, SealingKeyGenerator generator, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.generator = generator;
    this.clock = clock;
  }

  public String namespace() {
    return namespace;
  }

  /** The usable keys, newest first. */
  public List<SealingKey> keys() {
    List<SealingKey> keys = new ArrayList<>();
    for (Secret secret : keySecrets()) {
      read(secret).ifPresent(keys::add);
    }
    return keys;
  }

  /** The active key: the newest one, if there is any. */
  public Optional<SealingKey> active() {
    return keys().stream().findFirst();
  }

  /**
   * Makes sure there is an active key no older than {@code renewPeriod} (zero: never renew),
   * creating one when needed; returns the active key.
   */
  public synchronized SealingKey ensureActive(Duration renewPeriod) {
    List<Secret> secrets = keySecrets();
    Optional<SealingKey> newest =
        secrets.stream().map(this::read).flatMap(Optional::stream).findFirst();
    if (newest.isPresent() && !due(secrets.get(0), renewPeriod)) {
      return newest.get();
    }
    SealingKey key = generator.generate();
    Secret created = client.secrets().inNamespace(namespace).resource(secretOf(key)).create();
    LOG.info(
        "created sealing key {}/{} ({})",
        namespace,
        created.getMetadata().getName(),
        key.fingerprint());
    return key;
  }

  /**
   * Puts {@code key} into the cluster as the active key (a key the user brings); a Secret that
   * already holds it is kept.
   */
  public synchronized void add(SealingKey key) {
    boolean present =
        keySecrets().stream()
            .map(this::read)
            .flatMap(Optional::stream)
            .anyMatch(k -> k.fingerprint().equals(key.fingerprint()));
    if (!present) {
      client.secrets().inNamespace(namespace).resource(secretOf(key)).create();
    }
  }

  private boolean due(Secret newest, Duration renewPeriod) {
    if (renewPeriod.isZero() || renewPeriod.isNegative()) {
      return false;
    }
    Instant created = created(newest);
    return !created.plus(renewPeriod).isAfter(clock.instant());
  }

  private List<Secret> keySecrets() {
    List<Secret> secrets =
        new ArrayList<>(
            client
                .secrets()
                .inNamespace(namespace)
                .withLabel(SealedSecret.SEALING_KEY_LABEL, SealedSecret.ACTIVE_KEY)
                .list()
                .getItems());
    secrets.sort(
        Comparator.comparing(SealingKeyring::created)
            .thenComparing(s -> s.getMetadata().getName())
            .reversed());
    return secrets;
  }

  private static Instant created(Secret secret) {
    String timestamp = secret.getMetadata().getCreationTimestamp();
    return timestamp == null ? Instant.EPOCH : Instant.parse(timestamp);
  }

  private Optional<SealingKey> read(Secret secret) {
    String name = namespace + "/" + secret.getMetadata().getName();
    String cacheKey = name + "@" + secret.getMetadata().getResourceVersion();
    SealingKey cached = parsed.get(cacheKey);
    if (cached != null) {
      return Optional.of(cached);
    }
    try {
      Map<String, byte[]> data = new LinkedHashMap<>();
      if (secret.getData() != null) {
        secret.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
      }
      if (secret.getStringData() != null) {
        secret.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
      }
      SealingKey key = SealingKeyPem.fromSecretData(name, data);
      parsed.put(cacheKey, key);
      return Optional.of(key);
    } catch (RuntimeException e) {
      LOG.warn("skipping sealing key Secret {}: {}", name, e.getMessage());
      return Optional.empty();
    }
  }

  /** Five random lowercase letters and digits, as {@code generateName} would add. */
  private static String suffix() {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      suffix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return suffix.toString();
  }

  private Secret secretOf(SealingKey key) {
    Base64.Encoder base64 = Base64.getEncoder();
    return new SecretBuilder()
        .withNewMetadata()
        .withName(SECRET_PREFIX + suffix())
        .withNamespace(namespace)
        .withLabels(Map.of(SealedSecret.SEALING_KEY_LABEL, SealedSecret.ACTIVE_KEY))
        .endMetadata()
        .withType("kubernetes.io/tls")
        .withData(
            Map.of(
                "tls.key",
                base64.encodeToString(
                    SealingKeyPem.writePrivateKey(key.privateKey())
                        .getBytes(StandardCharsets.US_ASCII)),
                "tls.crt",
                base64.encodeToString(key.certificate().pem().getBytes(StandardCharsets.US_ASCII))))
        .build();
  }
}
