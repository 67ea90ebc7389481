package dev.cairn.cli.bootstrap;

import dev.cairn.cli.CliException;
import dev.cairn.cli.ExitCode;
import dev.cairn.cli.cluster.CairnObjectRef;
import dev.cairn.cli.cluster.CairnObjects;
import dev.cairn.cli.cluster.ObjectStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls a Cairn object until it is Ready at a given commit (its revision ends with {@code
 * sha1:<commit>}), or the deadline passes; an interrupt (Ctrl-C) ends the wait at once.
 */
final class SyncWait {
  private static final Duration POLL = Duration.ofMillis(500);

  private final CairnObjects objects;
  private final PrintWriter out;

  SyncWait(CairnObjects objects, PrintWriter out) {
    this.objects = objects;
    this.out = out;
  }

  /** Returns the object's Ready status; throws naming its last state when the deadline passes. */
  ObjectStatus awaitReady(CairnObjectRef ref, String commit, Instant deadline) {
    out.printf("◎ waiting for %s to be Ready at commit %s%n", ref, shortId(commit));
    out.flush();
    ObjectStatus last = null;
    while (true) {
      try {
        last = objects.get(ref);
        if (last.readyTrue() && last.observed() && last.revision().endsWith("sha1:" + commit)) {
          out.printf("✔ %s is Ready, revision %s%n", ref, last.revision());
          out.flush();
          return last;
        }
      } catch (CairnObjects.NotFoundException notYet) {
        // applied a moment ago through another connection; keep polling
      }
      if (Instant.now().isAfter(deadline)) {
        out.printf("✗ %s is not Ready at commit %s%n", ref, shortId(commit));
        out.flush();
        throw new CliException(ExitCode.FAILED, notReady(ref, commit, last));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCode.FAILED, "interrupted while waiting for " + ref);
      }
    }
  }

  private static String notReady(CairnObjectRef ref, String commit, ObjectStatus last) {
    if (last == null) {
      return ref + " does not exist; is the Cairn controller running?";
    }
    return ref
        + " did not become Ready at commit "
        + shortId(commit)
        + " in time (Ready "
        + last.ready()
        + (last.reason() == null ? "" : ", " + last.reason())
        + ", revision "
        + (last.revision().isEmpty() ? "none" : last.revision())
        + "): "
        + last.message();
  }

  static String shortId(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
