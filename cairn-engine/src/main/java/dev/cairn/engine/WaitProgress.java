package dev.cairn.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The cancellation hook of a health wait that also reports progress: the apply engine asks the hook
 * before each poll, so being asked a second time means the first poll found objects not ready and
 * the run is really waiting. Only then is progress reported (once), so a steady state that finds
 * everything healthy at the first poll writes nothing; a run that already shows {@code
 * Reconciling=True} for the whole run writes nothing either (see {@link Run#reportProgress}).
 */
public final class WaitProgress {
  private WaitProgress() {}

  /** A hook that reports {@code message} once the wait is real and then asks {@code cancelled}. */
  public static BooleanSupplier reporting(Run<?> run, String message, BooleanSupplier cancelled) {
    AtomicInteger asked = new AtomicInteger();
    return () -> {
      if (asked.incrementAndGet() == 2) {
        run.reportProgress(message);
      }
      return cancelled.getAsBoolean();
    };
  }
}
