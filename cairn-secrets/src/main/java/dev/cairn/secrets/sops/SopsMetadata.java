package dev.cairn.secrets.sops;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code sops} metadata of a file, as far as decryption needs it: the master keys of its key
 * group, the last-modified time (the MAC's additional data), the encrypted MAC, and the rule saying
 * which values are encrypted.
 */
record SopsMetadata(
    List<MasterKey> keys,
    List<String> otherKeyTypes,
    String lastModified,
    String mac,
    EncryptionRule rule,
    boolean macOnlyEncrypted) {

  /** One age or PGP entry: how to name it, and its encrypted data key. */
  record MasterKey(String type, String name, String encryptedDataKey) {
    @Override
    public String toString() {
      return type + " " + name;
    }
  }

  private static final List<String> KEY_TYPES =
      List.of("age", "pgp", "kms", "gcp_kms", "azure_kv", "hc_vault", "hckms");
  private static final DateTimeFormatter GO_RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  static SopsMetadata of(JsonNode sops) {
    if (!sops.isObject()) {
      throw new IllegalArgumentException("the sops metadata is not a mapping");
    }
    JsonNode group = keyGroup(sops);
    List<MasterKey> keys = new ArrayList<>();
    for (JsonNode age : group.path("age")) {
      keys.add(new MasterKey("age", age.path("recipient").asText(), age.path("enc").asText()));
    }
    for (JsonNode pgp : group.path("pgp")) {
      keys.add(new MasterKey("pgp", pgp.path("fp").asText(), pgp.path("enc").asText()));
    }
    List<String> others = new ArrayList<>();
    for (String type : KEY_TYPES.subList(2, KEY_TYPES.size())) {
      if (group.path(type).size() > 0) {
        others.add(type);
      }
    }
    return new SopsMetadata(
        keys,
        others,
        lastModified(sops.path("lastmodified").asText("")),
        sops.path("mac").asText(""),
        rule(sops),
        isTrue(sops.path("mac_only_encrypted")));
  }

  private static JsonNode keyGroup(JsonNode sops) {
    for (String type : KEY_TYPES) {
      if (sops.path(type).size() > 0) {
        return sops;
      }
    }
    JsonNode groups = sops.path("key_groups");
    if (groups.size() > 1) {
      throw new IllegalArgumentException(
          "the file splits its data key over "
              + groups.size()
              + " key groups (Shamir secret sharing), which Cairn does not support yet");
    }
    if (groups.size() == 1) {
      return groups.get(0);
    }
    throw new IllegalArgumentException("the sops metadata names no keys");
  }

  /** The time as Go formats it with RFC 3339 after parsing: seconds, no fraction, Z for UTC. */
  private static String lastModified(String text) {
    try {
      return GO_RFC3339.format(OffsetDateTime.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("sops.lastmodified is not an RFC 3339 time");
    }
  }

  private static EncryptionRule rule(JsonNode sops) {
    List<EncryptionRule> rules = new ArrayList<>();
    addRule(rules, sops, "unencrypted_suffix", EncryptionRule.Kind.UNENCRYPTED_SUFFIX);
    addRule(rules, sops, "encrypted_suffix", EncryptionRule.Kind.ENCRYPTED_SUFFIX);
    addRule(rules, sops, "unencrypted_regex", EncryptionRule.Kind.UNENCRYPTED_REGEX);
    addRule(rules, sops, "encrypted_regex", EncryptionRule.Kind.ENCRYPTED_REGEX);
    for (String comments : List.of("unencrypted_comment_regex", "encrypted_comment_regex")) {
      if (!sops.path(comments).asText("").isEmpty()) {
        throw new IllegalArgumentException("sops." + comments + " is not supported yet");
      }
    }
    if (rules.size() > 1) {
      throw new IllegalArgumentException(
          "the sops metadata names more than one of encrypted_suffix, unencrypted_suffix,"
              + " encrypted_regex, unencrypted_regex");
    }
    return rules.isEmpty()
        ? EncryptionRule.of(
            EncryptionRule.Kind.UNENCRYPTED_SUFFIX, EncryptionRule.DEFAULT_UNENCRYPTED_SUFFIX)
        : rules.get(0);
  }

  private static void addRule(
      List<EncryptionRule> rules, JsonNode sops, String field, EncryptionRule.Kind kind) {
    String value = sops.path(field).asText("");
    if (!value.isEmpty()) {
      rules.add(EncryptionRule.of(kind, value));
    }
  }

  private static boolean isTrue(JsonNode node) {
    return node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(node.asText(""));
  }

  @Override
  public String toString() {
    return "SopsMetadata[keys=" + keys.stream().map(MasterKey::name).toList() + "]";
  }
}
