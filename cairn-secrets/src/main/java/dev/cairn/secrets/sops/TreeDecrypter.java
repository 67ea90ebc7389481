package dev.cairn.secrets.sops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Walks a SOPS tree in document order, decrypts the values its rule encrypts (in place), and hashes
 * the values as SOPS's MAC does: SHA-512 over every non-null scalar's bytes (only the encrypted
 * ones with {@code mac_only_encrypted}, then starting from SHA-256("sops")), in upper hex. A
 * value's additional data is its path of keys (list positions add nothing) joined with {@code :}
 * and ending in {@code :}.
 */
final class TreeDecrypter {

  private static final byte[] MAC_ONLY_ENCRYPTED_START =
      HexFormat.of().parseHex("8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69");

  private final String file;
  private final byte[] dataKey;
  private final SopsMetadata metadata;
  private final MessageDigest mac;

  TreeDecrypter(String file, byte[] dataKey, SopsMetadata metadata) {
    this.file = file;
    this.dataKey = dataKey;
    this.metadata = metadata;
    try {
      this.mac = MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-512", e);
    }
    if (metadata.macOnlyEncrypted()) {
      mac.update(MAC_ONLY_ENCRYPTED_START);
    }
  }

  /** Decrypts every branch in place and returns the MAC of the plaintext, in upper hex. */
  String decrypt(List<ObjectNode> branches) {
    for (ObjectNode branch : branches) {
      walk(branch, new ArrayList<>(), "");
    }
    return HexFormat.of().withUpperCase().formatHex(mac.digest());
  }

  private void walk(ContainerNode<?> container, List<String> path, String shown) {
    if (container instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        path.add(field.getKey());
        String fieldShown = KeyPaths.child(shown, field.getKey());
        JsonNode value = visit(field.getValue(), path, fieldShown);
        if (value != null) {
          field.setValue(value);
        }
        path.remove(path.size() - 1);
      }
    } else if (container instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = visit(array.get(i), path, shown + "[" + i + "]");
        if (value != null) {
          array.set(i, value);
        }
      }
    }
  }

  /** The decrypted replacement of a leaf, or null when nothing changes. */
  private JsonNode visit(JsonNode node, List<String> path, String shown) {
    if (node.isContainerNode()) {
      walk((ContainerNode<?>) node, path, shown);
      return null;
    }
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    boolean encrypted = metadata.rule().encrypts(path);
    JsonNode plain = encrypted ? decryptLeaf(node, path, shown) : node;
    if (!metadata.macOnlyEncrypted() || encrypted) {
      mac.update(MacText.of(plain));
    }
    return encrypted ? plain : null;
  }

  private JsonNode decryptLeaf(JsonNode node, List<String> path, String shown) {
    if (!node.isTextual()) {
      throw failure(shown, "expected an encrypted value, found a " + node.getNodeType());
    }
    if (node.textValue().isEmpty()) {
      return node;
    }
    try {
      EncryptedValue value = EncryptedValue.parse(node.textValue());
      byte[] plain = ValueCipher.decrypt(value, dataKey, String.join(":", path) + ":");
      return typed(plain, value.type(), shown);
    } catch (IllegalArgumentException e) {
      throw failure(shown, e.getMessage());
    } catch (GeneralSecurityException e) {
      throw failure(shown, "cannot decrypt the value (wrong data key, moved or tampered value)");
    }
  }

  private JsonNode typed(byte[] plain, String type, String shown) {
    String text = new String(plain, StandardCharsets.UTF_8);
    try {
      return switch (type) {
        case "str", "bytes", "time" -> TextNode.valueOf(text);
        case "int" -> LongNode.valueOf(Long.parseLong(text));
        case "float" -> DoubleNode.valueOf(GoParse.parseFloat(text));
        case "bool" -> BooleanNode.valueOf(GoParse.parseBool(text));
        default -> throw failure(shown, "unknown value type '" + type + "'");
      };
    } catch (NumberFormatException e) {
      throw failure(shown, "the decrypted value is not a valid " + type);
    }
  }

  private SopsException failure(String shown, String message) {
    return new SopsException(file + ": " + shown + ": " + message);
  }
}
