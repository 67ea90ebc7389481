package dev.cairn.secrets.sops;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which values of a SOPS file are encrypted, from the one rule its metadata names ({@code
 * unencrypted_suffix} {@code _unencrypted} when it names none). A rule applies when any key on the
 * value's path matches; regular expressions match anywhere in a key, as Go's {@code regexp.Match}.
 */
record EncryptionRule(Kind kind, String argument, Pattern pattern) {

  enum Kind {
    UNENCRYPTED_SUFFIX,
    ENCRYPTED_SUFFIX,
    UNENCRYPTED_REGEX,
    ENCRYPTED_REGEX
  }

  static final String DEFAULT_UNENCRYPTED_SUFFIX = "_unencrypted";

  static EncryptionRule of(Kind kind, String argument) {
    Pattern pattern = null;
    if (kind == Kind.UNENCRYPTED_REGEX || kind == Kind.ENCRYPTED_REGEX) {
      try {
        pattern = Pattern.compile(argument);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "sops." + kind.name().toLowerCase(java.util.Locale.ROOT) + " is not a valid regex", e);
      }
    }
    return new EncryptionRule(kind, argument, pattern);
  }

  boolean encrypts(List<String> path) {
    return switch (kind) {
      case UNENCRYPTED_SUFFIX -> path.stream().noneMatch(key -> key.endsWith(argument));
      case ENCRYPTED_SUFFIX -> path.stream().anyMatch(key -> key.endsWith(argument));
      case UNENCRYPTED_REGEX -> path.stream().noneMatch(key -> pattern.matcher(key).find());
      case ENCRYPTED_REGEX -> path.stream().anyMatch(key -> pattern.matcher(key).find());
    };
  }
}
