package dev.cairn.cli;

import dev.cairn.cli.cluster.ObjectStatus;
import dev.cairn.cli.output.OutputFormat;
import dev.cairn.cli.output.OutputOptions;
import dev.cairn.cli.up.Completion;
import dev.cairn.cli.up.ControllerStarter;
import dev.cairn.cli.up.LiveView;
import dev.cairn.cli.up.RuntimeControllers;
import dev.cairn.cli.up.SealingKeySetup;
import dev.cairn.cli.up.UpSession;
import dev.cairn.cli.up.UpSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn up}: Cairn's main job on its built-in default. */
@Command(
    name = "up",
    description = {
      "Sync the example fleet (or --repo) into a simulated cluster and keep it in sync.",
      "Starts the simulated cluster in-process (it runs no containers) and writes a kubeconfig for"
          + " it, serves a working copy of examples/fleet over HTTP on 127.0.0.1, creates the"
          + " GitRepository and Kustomization cairn-system (like 'flux bootstrap') and shows every"
          + " Cairn object until Ctrl-C. With --once, exits after the first complete"
          + " reconciliation: 0 when every object is Ready, 1 otherwise."
    })
final class UpCommand implements Callable<Integer> {

  /** How the reconcilers are started; tests and the runtime agree on {@link RuntimeControllers}. */
  static ControllerStarter controllers = RuntimeControllers::start;

  @Option(names = "--repo", paramLabel = "URL", description = "Sync this Git repository instead.")
  String repo;

  @Option(
      names = "--path",
      paramLabel = "P",
      defaultValue = "./clusters/production",
      description = "The cluster directory in the repository (default: ${DEFAULT-VALUE}).")
  String path;

  @Option(
      names = "--ref",
      paramLabel = "BRANCH",
      defaultValue = "main",
      description = "The branch of --repo to follow (default: ${DEFAULT-VALUE}).")
  String ref;

  @Option(
      names = "--fleet",
      paramLabel = "DIR",
      description = "A local fleet directory to copy and serve instead of examples/fleet.")
  Path fleet;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Use this cluster, not the simulated one.")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "Use this kubeconfig context, not the simulated cluster.")
  String context;

  @Option(
      names = "--workdir",
      paramLabel = "DIR",
      description =
          "Where the working copy and kubeconfig go (default: a new temporary directory).")
  Path workDir;

  @Option(names = "--once", description = "Exit after the first complete reconciliation.")
  boolean once;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "With --once, how long to wait at most (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--settle",
      defaultValue = "30s",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "With --once, how long failures must stay unchanged to be final (default: ${DEFAULT-VALUE}).")
  Duration settle;

  @Option(
      names = "--sealing-key",
      paramLabel = "FILE",
      description =
          "With --sealing-cert: the SealedSecret key (PEM) to unseal with; default: a new key,"
              + " its certificate written to the working directory.")
  Path sealingKey;

  @Option(
      names = "--sealing-cert",
      paramLabel = "FILE",
      description = "The certificate (PEM) of --sealing-key.")
  Path sealingCert;

  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    boolean structured = output.format() != OutputFormat.table;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter info = structured ? spec.commandLine().getErr() : out;
    UpSettings settings =
        UpSettings.defaults()
            .withFleet(fleet)
            .withRepo(repo)
            .withBranch(ref)
            .withPath(path)
            .withCluster(kubeconfig, context)
            .withWorkDir(workDir);
    CountDownLatch stopped = new CountDownLatch(1);
    ControllerStarter starter =
        SealingKeySetup.before(
            controllers, SealingKeySetup.read(sealingKey, sealingCert, ExitCode.USAGE), info);
    try (UpSession session = UpSession.start(settings, starter, info)) {
      Thread hook =
          new Thread(
              () -> {
                stopped.countDown();
                session.close();
                info.println("Stopped. The working directory stays: " + session.workDir());
                info.flush();
              },
              "cairn-up-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        return once ? runOnce(session, out, info) : runLive(session, out, info, stopped);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running already.
        }
      }
    }
  }

  private int runOnce(UpSession session, PrintWriter out, PrintWriter info)
      throws InterruptedException {
    boolean structured = output.format() != OutputFormat.table;
    LiveView view = new LiveView(info, false, Integer.MAX_VALUE);
    Completion completion = new Completion(settle);
    Instant deadline = Instant.now().plus(timeout);
    List<ObjectStatus> statuses;
    Completion.State state;
    do {
      Thread.sleep(500); // the poll interval of the view, not a wait for a condition
      statuses = session.statuses();
      if (!structured) {
        view.render(statuses, "");
      }
      state = completion.evaluate(statuses, Instant.now());
    } while (state == Completion.State.IN_PROGRESS && Instant.now().isBefore(deadline));
    if (structured) {
      output.printer().print(out, List.of(), statuses, s -> List.of());
    }
    if (state == Completion.State.READY) {
      info.println("✔ all " + statuses.size() + " Cairn objects are Ready");
      info.flush();
      return ExitCode.OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "✗ "
            + (state == Completion.State.IN_PROGRESS
                ? "timed out after " + timeout.toSeconds() + "s; "
                : "")
            + "not Ready:");
    for (ObjectStatus failing : Completion.failing(statuses)) {
      err.println(
          "  "
              + failing.ref()
              + ": "
              + (failing.reason() == null ? failing.ready() : failing.reason())
              + (failing.message().isEmpty() ? "" : ": " + failing.message().replace('\n', ' ')));
    }
    err.flush();
    return ExitCode.FAILED;
  }

  private int runLive(UpSession session, PrintWriter out, PrintWriter info, CountDownLatch stopped)
      throws InterruptedException {
    boolean structured = output.format() != OutputFormat.table;
    boolean terminal = System.console() != null && !structured;
    int width = terminalWidth();
    LiveView view = new LiveView(out, terminal, width);
    info.println("Reconciling; press Ctrl-C to stop.");
    info.flush();
    List<ObjectStatus> last = null;
    while (!stopped.await(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      List<ObjectStatus> statuses;
      try {
        statuses = session.statuses();
      } catch (RuntimeException stopping) {
        break;
      }
      if (structured) {
        if (!statuses.equals(last)) {
          output.printer().print(out, List.of(), statuses, s -> List.of());
        }
      } else {
        view.render(statuses, "Ctrl-C stops; kubeconfig: " + session.kubeconfig());
      }
      last = statuses;
    }
    return ExitCode.OK;
  }

  private static int terminalWidth() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120"));
    } catch (NumberFormatException e) {
      return 120;
    }
  }
}
