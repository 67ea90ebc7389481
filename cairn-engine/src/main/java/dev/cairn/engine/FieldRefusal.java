package dev.cairn.engine;

import java.util.Objects;
import java.util.Set;

/**
 * A spec field a kind accepts in its schema (for Flux compatibility) but does not act on: a run of
 * an object that sets it stalls with {@code InvalidSpec} and {@link #message()} instead of silently
 * deploying something other than what was asked for.
 *
 * @param path the field, e.g. {@code spec.install.remediation.retries}; arrays are looked into (any
 *     item that sets the rest of the path counts)
 * @param why what follows the path in the message, e.g. {@code is not supported yet}
 * @param accepted values that are acted on (e.g. the default {@code generic} of {@code
 *     spec.provider}); empty means any set value is refused
 */
public record FieldRefusal(String path, String why, Set<String> accepted) {
  public FieldRefusal {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(why, "why");
    if (!path.startsWith("spec.")) {
      throw new IllegalArgumentException("refused field '" + path + "' must start with spec.");
    }
    accepted = Set.copyOf(accepted);
  }

  /** A field refused whenever it is set. */
  public static FieldRefusal of(String path, String why) {
    return new FieldRefusal(path, why, Set.of());
  }

  /** A field refused unless its value is one of {@code accepted}. */
  public static FieldRefusal unless(String path, String why, String... accepted) {
    return new FieldRefusal(path, why, Set.of(accepted));
  }

  /** The fixed part of the stall message: the path, then why. */
  public String message() {
    return path + " " + why;
  }
}
