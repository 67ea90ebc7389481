package dev.cairn.source.git;

import java.util.List;
import java.util.Objects;

/**
 * Signature verification, with Flux's field names: {@code mode} says what must be signed, {@code
 * publicKeys} are ASCII-armored OpenPGP public key blocks (the caller reads them from a Secret).
 */
public record VerifySpec(Mode mode, List<String> publicKeys) {
  public VerifySpec {
    Objects.requireNonNull(mode, "mode");
    publicKeys = List.copyOf(publicKeys);
  }

  public static VerifySpec of(Mode mode, List<String> publicKeys) {
    return new VerifySpec(mode, publicKeys);
  }

  /** What Flux's {@code spec.verify.mode} can say. */
  public enum Mode {
    /** The commit at HEAD of the fetched reference must carry a valid signature. */
    HEAD,
    /** The annotated tag must carry a valid signature (tag and semver references only). */
    TAG,
    /** Both the tag and the commit it points to must be signed. */
    TAG_AND_HEAD;

    /** Parses Flux's spelling: {@code HEAD}, {@code Tag}, {@code TagAndHEAD}. */
    public static Mode parse(String value) {
      return switch (value) {
        case "HEAD", "head" -> HEAD;
        case "Tag", "tag" -> TAG;
        case "TagAndHEAD" -> TAG_AND_HEAD;
        default -> throw new IllegalArgumentException("unknown verify mode: " + value);
      };
    }
  }
}
