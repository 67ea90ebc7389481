package dev.cairn.secrets.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values sealed by sealed_vectors.py (python3-cryptography) open with Cairn's unsealer. */
class PythonSealedVectorsTest {

  private final HybridUnsealer unsealer = new HybridUnsealer();
  private final List<SealedVectors> vectors =
      SealedVectors.parse(TestKeys.resource("sealed/vectors.json"));

  @Test
  void everyPythonVectorUnsealsToItsPlaintext() {
    assertThat(vectors).hasSize(7);
    for (SealedVectors vector : vectors) {
      byte[] opened =
          unsealer.unseal(List.of(TestKeys.pythonKey()), vector.label(), vector.sealed());
      assertThat(opened).as(vector.scope() + " " + vector.name()).isEqualTo(vector.plaintext());
    }
  }

  @Test
  void theVectorsCoverEveryScope() {
    assertThat(vectors).extracting(SealedVectors::scope).contains(SealedSecretScope.values());
  }

  @Test
  void aStrictVectorDoesNotOpenUnderAnotherName() {
    SealedVectors strict = vectors.get(0);
    byte[] otherLabel = "default/another".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> unsealer.unseal(List.of(TestKeys.pythonKey()), otherLabel, strict.sealed()))
        .isInstanceOf(UnsealException.class)
        .hasMessageContaining(TestKeys.pythonKey().fingerprint())
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void theFingerprintIsTheOnePythonComputesFromTheOpenSshKey() {
    assertThat(TestKeys.pythonKey().fingerprint())
        .isEqualTo(TestKeys.resource("sealed/key/fingerprint.txt").strip());
  }

  @Test
  void theFirstVectorsRsaPartIsAsLongAsTheKey() {
    byte[] sealed = vectors.get(0).sealed();
    int rsaLength = ((sealed[0] & 0xFF) << 8) | (sealed[1] & 0xFF);

    assertThat(rsaLength).isEqualTo(4096 / 8);
    assertThat(sealed.length).isEqualTo(2 + rsaLength + vectors.get(0).plaintext().length + 16);
  }
}
