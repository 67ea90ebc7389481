package dev.cairn.cli.up;

import dev.cairn.render.helm.HelmRenderRequest;
import dev.cairn.render.helm.HelmTemplateRenderer;
import dev.cairn.source.artifact.DirectoryTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM for {@code cairn up}: the first one asks the session to stop (the
 * caller closes it and exits with 128 + the signal's number: 130, 143); a second one, or a stop
 * that takes longer than {@link #GRACE}, halts the process.
 *
 * <p>Why not the JVM's shutdown hooks: Helm's Go runtime (helm-java's native library) takes over
 * SIGINT and SIGTERM the first time a chart is rendered and never passes them on, so after the
 * first HelmRelease the process ignored both. {@link #install()} therefore renders a tiny chart
 * first, so the Go runtime has taken the signals, and then takes them back for the JVM.
 */
public final class StopSignals {
  /** How long closing may take after a signal before the process is halted. */
  public static final Duration GRACE = Duration.ofSeconds(8);

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicInteger exitCode = new AtomicInteger();

  private StopSignals() {}

  /** Takes SIGINT and SIGTERM; a signal the parent set to ignore (a background job) stays so. */
  public static StopSignals install() {
    settleHelmRuntime();
    StopSignals signals = new StopSignals();
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal.handle(new Signal(name), signals::received);
      } catch (IllegalArgumentException ignoredByParent) {
        // The JVM refuses a signal that was ignored when it started; it stays ignored.
      }
    }
    return signals;
  }

  /** Waits up to {@code timeout} for a stop signal; true when one came. */
  public boolean await(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean received() {
    return stopped.getCount() == 0;
  }

  /** 128 + the number of the signal received (130 for SIGINT, 143 for SIGTERM); 0 without one. */
  public int exitCode() {
    return exitCode.get();
  }

  /** What a signal does; package-private so tests can deliver one without the operating system. */
  void received(Signal signal) {
    received(128 + signal.getNumber());
  }

  void received(int code) {
    if (!exitCode.compareAndSet(0, code)) {
      Runtime.getRuntime().halt(exitCode.get());
    }
    stopped.countDown();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(GRACE.toMillis());
                Runtime.getRuntime().halt(exitCode.get());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "cairn-up-stop-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static void settleHelmRuntime() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("cairn-signals-");
      Files.writeString(
          dir.resolve("Chart.yaml"), "apiVersion: v2\nname: signals\nversion: 0.1.0\n");
      Files.createDirectories(dir.resolve("templates"));
      Files.writeString(dir.resolve("templates").resolve("none.yaml"), "# renders nothing\n");
      HelmTemplateRenderer.defaults()
          .render(dir, new HelmRenderRequest("signals", "default", Map.of(), null));
    } catch (IOException | RuntimeException | LinkageError e) {
      // No Helm on this platform: then it cannot take the signals either.
    } finally {
      if (dir != null) {
        DirectoryTrees.deleteQuietly(dir);
      }
    }
  }
}
