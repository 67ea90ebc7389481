package dev.cairn.secrets.sops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only SOPS encryptor for string values, written from sops's documented format, so tests can
 * wrap a data key that another tool (the age CLI) encrypted. It encrypts every string value under a
 * key matching {@code encryptedRegex} (all when null) and adds the MAC; the caller adds the key
 * entries to the returned {@code sops} object.
 */
final class SopsTestWriter {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SopsTestWriter() {}

  static ObjectNode encrypt(
      ObjectNode plain, byte[] dataKey, String lastModified, String encryptedRegex)
      throws Exception {
    ObjectNode document = plain.deepCopy();
    MessageDigest mac = MessageDigest.getInstance("SHA-512");
    walk(document, new ArrayList<>(), dataKey, encryptedRegex, mac);
    String hex = HexFormat.of().withUpperCase().formatHex(mac.digest());
    ObjectNode sops = document.putObject("sops");
    sops.put("lastmodified", lastModified);
    sops.put("mac", encryptValue(hex, dataKey, lastModified));
    if (encryptedRegex != null) {
      sops.put("encrypted_regex", encryptedRegex);
    }
    sops.put("version", "3.9.0");
    return document;
  }

  private static void walk(
      ObjectNode node, List<String> path, byte[] key, String regex, MessageDigest mac)
      throws Exception {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      path.add(field.getKey());
      if (field.getValue() instanceof ObjectNode child) {
        walk(child, path, key, regex, mac);
      } else {
        String value = field.getValue().asText();
        mac.update(value.getBytes(StandardCharsets.UTF_8));
        boolean encrypted =
            regex == null || path.stream().anyMatch(k -> k.matches(".*(" + regex + ").*"));
        if (encrypted) {
          field.setValue(TextNode.valueOf(encryptValue(value, key, String.join(":", path) + ":")));
        }
      }
      path.remove(path.size() - 1);
    }
  }

  static String encryptValue(String value, byte[] key, String additionalData) throws Exception {
    byte[] iv = new byte[32];
    RANDOM.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    cipher.updateAAD(additionalData.getBytes(StandardCharsets.UTF_8));
    byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
    Base64.Encoder base64 = Base64.getEncoder();
    byte[] data = java.util.Arrays.copyOf(sealed, sealed.length - 16);
    byte[] tag = java.util.Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length);
    return "ENC[AES256_GCM,data:"
        + base64.encodeToString(data)
        + ",iv:"
        + base64.encodeToString(iv)
        + ",tag:"
        + base64.encodeToString(tag)
        + ",type:str]";
  }
}
