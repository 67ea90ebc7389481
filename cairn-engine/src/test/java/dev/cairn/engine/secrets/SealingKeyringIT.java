package dev.cairn.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.engine.SettableClock;
import dev.cairn.secrets.sealed.SealingKey;
import dev.cairn.secrets.sealed.SealingKeyGenerator;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keys kept as the sealed-secrets controller keeps them: created, renewed, old ones kept. */
@ExtendWith(ClusterExtension.class)
class SealingKeyringIT {
  private static final Duration MONTH = Duration.ofHours(720);

  @Test
  void createsAKeyThenRenewsItWhenDueKeepingTheOldOne(TestCluster cluster) {
    String ns = cluster.createNamespace("renew");
    SettableClock clock = new SettableClock(Instant.now());
    SealingKeyring keyring =
        new SealingKeyring(
            cluster.client(), ns, SealingKeyGenerator.defaults().withKeyBits(2048), clock);

    SealingKey first = keyring.ensureActive(MONTH);
    assertThat(keyring.ensureActive(MONTH).fingerprint()).isEqualTo(first.fingerprint());
    List<Secret> secrets = cluster.client().secrets().inNamespace(ns).list().getItems();
    assertThat(secrets)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getType()).isEqualTo("kubernetes.io/tls");
              assertThat(s.getMetadata().getName()).startsWith("sealed-secrets-key");
              assertThat(s.getMetadata().getLabels())
                  .containsEntry("sealedsecrets.bitnami.com/sealed-secrets-key", "active");
            });

    clock.advance(MONTH.plusMinutes(1));
    SealingKey second = keyring.ensureActive(MONTH);

    assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
    assertThat(keyring.keys())
        .extracting(SealingKey::fingerprint)
        .containsExactlyInAnyOrder(first.fingerprint(), second.fingerprint());
    assertThat(keyring.ensureActive(Duration.ZERO).fingerprint())
        .isIn(first.fingerprint(), second.fingerprint());
    assertThat(keyring.keys()).hasSize(2);
  }

  @Test
  void usesAKeyTheUserBroughtAsItIs(TestCluster cluster) {
    String ns = cluster.createNamespace("brought");
    SealingKeyring keyring =
        new SealingKeyring(
            cluster.client(),
            ns,
            SealingKeyGenerator.defaults().withKeyBits(2048),
            new SettableClock(Instant.now()));
    SealingKey brought = PythonSealed.key();

    keyring.add(brought);
    keyring.add(brought);

    assertThat(keyring.ensureActive(MONTH).fingerprint()).isEqualTo(brought.fingerprint());
    assertThat(keyring.keys()).hasSize(1);
  }
}
