package dev.cairn.cli.install;

import java.util.ArrayList;
import java.util.List;

/**
 * The optional arguments of the installed controller: Flux's tenancy lockdown flags and a label
 * selector, added after the fixed ones. The chart's {@code tenancy} and {@code watchLabelSelector}
 * values render the same.
 *
 * @param lockdown the lockdown flags as {@code cairn controller} takes them, e.g. {@code
 *     --no-cross-namespace-refs} and {@code --default-service-account=default}
 * @param watchLabelSelector {@code --watch-label-selector}; null or blank for every object
 */
public record ControllerArgs(List<String> lockdown, String watchLabelSelector) {
  public ControllerArgs {
    lockdown = lockdown == null ? List.of() : List.copyOf(lockdown);
    watchLabelSelector =
        watchLabelSelector == null || watchLabelSelector.isBlank()
            ? null
            : watchLabelSelector.strip();
  }

  /** None: the controller reconciles every object without lockdown. */
  public static ControllerArgs none() {
    return new ControllerArgs(List.of(), null);
  }

  /** The arguments, in the order the Deployment lists them. */
  public List<String> args() {
    List<String> args = new ArrayList<>(lockdown);
    if (watchLabelSelector != null) {
      args.add("--watch-label-selector=" + watchLabelSelector);
    }
    return args;
  }
}
