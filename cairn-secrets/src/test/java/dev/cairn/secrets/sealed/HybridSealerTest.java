package dev.cairn.secrets.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HybridSealerTest {

  private static SealingKey oldKey;
  private static SealingKey newKey;

  private final HybridSealer sealer = new HybridSealer();
  private final HybridUnsealer unsealer = new HybridUnsealer();
  private final byte[] label = "default/mysecret".getBytes(StandardCharsets.UTF_8);
  private final byte[] plaintext = "s3cr3t".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void keys() {
    oldKey = TestKeys.pythonKey();
    newKey = SealingKeyGenerator.defaults().withKeyBits(2048).generate();
  }

  @Test
  void aSealedValueOpensWithItsKeyAndLabel() {
    byte[] sealed = sealer.seal(newKey.publicKey(), label, plaintext);

    assertThat(unsealer.unseal(List.of(newKey), label, sealed)).isEqualTo(plaintext);
  }

  @Test
  void sealingTwiceGivesDifferentBytes() {
    assertThat(sealer.seal(newKey.publicKey(), label, plaintext))
        .isNotEqualTo(sealer.seal(newKey.publicKey(), label, plaintext));
  }

  @Test
  void anOldKeyStillOpensWhatItSealedWhenItIsNotTheFirstKey() {
    byte[] sealed = sealer.seal(oldKey.publicKey(), label, plaintext);

    assertThat(unsealer.unseal(List.of(newKey, oldKey), label, sealed)).isEqualTo(plaintext);
  }

  @Test
  void anotherLabelDoesNotOpen() {
    byte[] sealed = sealer.seal(newKey.publicKey(), label, plaintext);
    byte[] otherLabel = "default/other".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> unsealer.unseal(List.of(newKey), otherLabel, sealed))
        .isInstanceOf(UnsealException.class)
        .hasMessageContaining("no key could decrypt")
        .hasMessageContaining(newKey.fingerprint());
  }

  @Test
  void aTamperedValueDoesNotOpen() {
    byte[] sealed = sealer.seal(newKey.publicKey(), label, plaintext);
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> unsealer.unseal(List.of(newKey), label, sealed))
        .isInstanceOf(UnsealException.class);
  }

  @Test
  void tooShortBytesAreRefused() {
    assertThatThrownBy(() -> unsealer.unseal(List.of(newKey), label, new byte[] {1}))
        .hasMessage("sealed value is too short");
    assertThatThrownBy(() -> unsealer.unseal(List.of(newKey), label, new byte[] {1, 0, 3}))
        .hasMessage("sealed value is too short");
  }

  @Test
  void theFingerprintHasTheSshForm() {
    assertThat(newKey.fingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");
    assertThat(newKey.toString()).isEqualTo("SealingKey[" + newKey.fingerprint() + "]");
  }
}
