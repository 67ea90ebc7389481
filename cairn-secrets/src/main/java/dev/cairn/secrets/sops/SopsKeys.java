package dev.cairn.secrets.sops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The private keys a decryption may use: age identities and OpenPGP secret keys. {@link
 * #fromSecretData} imports a decryption Secret as kustomize-controller does: entries named {@code
 * *.agekey} hold age identities, entries named {@code *.asc} armored PGP keys; other entries (cloud
 * KMS credentials) are ignored. Immutable; {@code toString} shows counts only.
 */
public final class SopsKeys {

  private final AgeIdentities age;
  private final PgpSecretKeys pgp;

  private SopsKeys(AgeIdentities age, PgpSecretKeys pgp) {
    this.age = age;
    this.pgp = pgp;
  }

  public static SopsKeys none() {
    return new SopsKeys(AgeIdentities.none(), PgpSecretKeys.none());
  }

  /** Imports the {@code *.agekey} and {@code *.asc} entries of a Secret's data, in name order. */
  public static SopsKeys fromSecretData(String secret, Map<String, byte[]> data) {
    SopsKeys keys = none();
    for (Map.Entry<String, byte[]> entry : new TreeMap<>(data).entrySet()) {
      String source = secret + "[" + entry.getKey() + "]";
      if (entry.getKey().endsWith(".agekey")) {
        keys = keys.withAgeIdentities(source, new String(entry.getValue(), StandardCharsets.UTF_8));
      } else if (entry.getKey().endsWith(".asc")) {
        keys = keys.withPgpKeys(source, entry.getValue());
      }
    }
    return keys;
  }

  /** Adds the identities of an age key file ({@code AGE-SECRET-KEY-1...} lines). */
  public SopsKeys withAgeIdentities(String source, String keyFile) {
    return new SopsKeys(age.with(source, keyFile), pgp);
  }

  /** Adds the secret keys of an armored OpenPGP key block (they must have no passphrase). */
  public SopsKeys withPgpKeys(String source, byte[] keyBlock) {
    return new SopsKeys(age, pgp.with(source, keyBlock));
  }

  public boolean isEmpty() {
    return age.size() == 0 && pgp.size() == 0;
  }

  /**
   * The file's 32-byte data key, from the first of its age keys, then PGP keys, that one of these
   * keys opens (SOPS's default decryption order puts age first).
   */
  byte[] dataKey(String file, SopsMetadata metadata) {
    List<String> failures = new ArrayList<>();
    for (String type : List.of("age", "pgp")) {
      for (SopsMetadata.MasterKey key : metadata.keys()) {
        if (!key.type().equals(type)) {
          continue;
        }
        try {
          byte[] dataKey =
              type.equals("age")
                  ? age.decrypt(key.encryptedDataKey())
                  : pgp.decrypt(key.encryptedDataKey());
          if (dataKey != null && dataKey.length == 32) {
            return dataKey;
          }
          if (dataKey != null) {
            failures.add(key + ": the data key is not 32 bytes");
          }
        } catch (Exception e) {
          failures.add(key + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
      }
    }
    StringBuilder message =
        new StringBuilder(file).append(": no key opens the data key; the file is for ");
    message.append(String.join(", ", metadata.keys().stream().map(Object::toString).toList()));
    if (!metadata.otherKeyTypes().isEmpty()) {
      message
          .append(metadata.keys().isEmpty() ? "" : ", ")
          .append(String.join(", ", metadata.otherKeyTypes()))
          .append(" (not supported)");
    }
    message
        .append("; have ")
        .append(age.size())
        .append(" age identities and ")
        .append(pgp.size())
        .append(" PGP keys");
    if (!failures.isEmpty()) {
      message.append("; ").append(String.join("; ", failures));
    }
    throw new SopsException(message.toString());
  }

  @Override
  public String toString() {
    return "SopsKeys[age=" + age.size() + ", pgp=" + pgp.size() + "]";
  }
}
