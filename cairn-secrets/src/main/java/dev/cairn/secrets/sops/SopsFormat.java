package dev.cairn.secrets.sops;

import java.nio.charset.StandardCharsets;

/** The file formats SOPS stores, chosen by extension or recognised by their MAC marker. */
public enum SopsFormat {
  YAML("mac: ENC["),
  JSON("\"mac\": \"ENC["),
  DOTENV("sops_mac=ENC["),
  INI("[sops]"),
  /** Any other file: SOPS keeps it as a JSON envelope with one {@code data} value. */
  BINARY("\"mac\": \"ENC[");

  private final String marker;

  SopsFormat(String marker) {
    this.marker = marker;
  }

  /**
   * The format SOPS picks for a path by its (case-sensitive) extension, everything else binary;
   * like kustomize-controller, a {@code .dockerconfigjson} Secret key is JSON.
   */
  public static SopsFormat forPath(String path) {
    String name = path;
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return YAML;
    }
    if (name.endsWith(".json") || name.endsWith(".dockerconfigjson")) {
      return JSON;
    }
    if (name.endsWith(".env")) {
      return DOTENV;
    }
    if (name.endsWith(".ini")) {
      return INI;
    }
    return BINARY;
  }

  /**
   * The format whose MAC marker {@code content} holds, in kustomize-controller's order (binary's
   * envelope is JSON, so JSON-looking content is read as binary first only when the caller says so
   * by extension), or {@code null} when the content is no SOPS file.
   */
  public static SopsFormat detect(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    for (SopsFormat format : new SopsFormat[] {DOTENV, INI, JSON, YAML}) {
      if (text.contains(format.marker)) {
        return format;
      }
    }
    return null;
  }

  /** Whether {@code content} carries this format's MAC marker, i.e. looks SOPS-encrypted. */
  public boolean isEncrypted(byte[] content) {
    return new String(content, StandardCharsets.UTF_8).contains(marker);
  }
}
