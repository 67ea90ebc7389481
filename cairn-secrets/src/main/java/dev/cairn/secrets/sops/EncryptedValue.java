package dev.cairn.secrets.sops;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]} value, parsed. */
record EncryptedValue(byte[] data, byte[] iv, byte[] tag, String type) {

  private static final Pattern FORM =
      Pattern.compile("^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\\]");

  /** The parsed value, or an exception whose message names no part of it. */
  static EncryptedValue parse(String text) {
    Matcher matcher = FORM.matcher(text);
    if (!matcher.lookingAt()) {
      throw new IllegalArgumentException("the value is not in SOPS's ENC[AES256_GCM,...] form");
    }
    try {
      Base64.Decoder base64 = Base64.getDecoder();
      return new EncryptedValue(
          base64.decode(matcher.group(1)),
          base64.decode(matcher.group(2)),
          base64.decode(matcher.group(3)),
          matcher.group(4));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the value's data, iv or tag is not valid base64");
    }
  }

  @Override
  public String toString() {
    return "EncryptedValue[type=" + type + "]";
  }
}
