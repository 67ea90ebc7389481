package dev.cairn.kustomize.generate;

import java.util.Base64;

/**
 * Base64 as kustomize writes generated Secret data and ConfigMap binaryData: an encoding longer
 * than 70 characters is cut into lines of 70, each ended by a newline (so it prints as a literal
 * block and the name hash covers the newlines); shorter ones stay on one line.
 */
public final class KustomizeBase64 {
  static final int LINE = 70;

  private KustomizeBase64() {}

  public static String encode(byte[] bytes) {
    String plain = Base64.getEncoder().encodeToString(bytes);
    if (plain.length() <= LINE) {
      return plain;
    }
    StringBuilder out = new StringBuilder(plain.length() + plain.length() / LINE + 1);
    for (int i = 0; i < plain.length(); i += LINE) {
      out.append(plain, i, Math.min(plain.length(), i + LINE)).append('\n');
    }
    return out.toString();
  }
}
