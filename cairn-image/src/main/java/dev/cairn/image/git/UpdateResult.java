package dev.cairn.image.git;

import dev.cairn.image.setters.SetterChange;
import java.util.List;

/**
 * The outcome of one run.
 *
 * @param commit the pushed commit's id, or null when nothing changed
 * @param base the commit the changes were made on (the head checked out)
 * @param changes what the setters rewrote (empty when nothing changed)
 * @param attempts how many pushes it took (0 when nothing was pushed)
 */
public record UpdateResult(String commit, String base, List<SetterChange> changes, int attempts) {
  public boolean pushed() {
    return commit != null;
  }
}
