package dev.cairn.secrets.sops;

/**
 * How a value's place is shown in messages: {@code data.password}, {@code data["tls.crt"]}, {@code
 * list[2]}.
 */
final class KeyPaths {

  private KeyPaths() {}

  static String child(String parent, String key) {
    boolean plain =
        !key.isEmpty()
            && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    if (!plain) {
      return parent + "[\"" + key.replace("\"", "\\\"") + "\"]";
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }
}
