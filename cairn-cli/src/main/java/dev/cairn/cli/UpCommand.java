package dev.cairn.cli;

import dev.cairn.cli.cluster.ObjectStatus;
import dev.cairn.cli.output.OutputFormat;
import dev.cairn.cli.output.OutputOptions;
import dev.cairn.cli.up.Completion;
import dev.cairn.cli.up.ControllerStarter;
import dev.cairn.cli.up.LiveView;
import dev.cairn.cli.up.RepoLocation;
import dev.cairn.cli.up.RuntimeControllers;
import dev.cairn.cli.up.SealingKeySetup;
import dev.cairn.cli.up.StopSignals;
import dev.cairn.cli.up.UpSession;
import dev.cairn.cli.up.UpSettings;
import dev.cairn.server.ProbeServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn up}: Cairn's main job on its built-in default. */
@Command(
    name = "up",
    description = {
      "Sync the example fleet (or --fleet, or --repo) into a simulated cluster and keep it in sync.",
      "Starts the simulated cluster in-process (it runs no containers) and writes a kubeconfig for"
          + " it, serves a working copy of the fleet over HTTP on 127.0.0.1, creates the"
          + " GitRepository and Kustomization cairn-system (like 'flux bootstrap') - or, when --path"
          + " holds a 'flux bootstrap' layout, applies its flux-system directory and lets the"
          + " fleet's own root take over - and shows every Cairn object until Ctrl-C (exit 130;"
          + " SIGTERM: 143). With --once, exits after the first complete reconciliation: 0 when"
          + " every object is Ready, 1 otherwise."
    })
final class UpCommand implements Callable<Integer> {

  private static final Duration POLL = Duration.ofMillis(500);

  @Option(
      names = "--repo",
      paramLabel = "URL|DIR",
      description =
          "Sync this Git repository instead: an https, http or ssh URL, or a local one (a file://"
              + " URL or a path to a clone or a plain directory), which is copied and served like"
              + " --fleet.")
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
      description =
          "A local fleet (a clone or a plain directory) to copy and serve instead of"
              + " examples/fleet. Every URL of its Git remotes is served from the copy, so a"
              + " 'flux bootstrap' repository reconciles unedited.")
  Path fleet;

  @Option(
      names = "--git-alias",
      paramLabel = "URL=DIR",
      description =
          "Serve this Git URL from a copy of the local directory DIR, for every Git consumer in"
              + " the cluster (repeatable).")
  Map<String, Path> gitAliases = new LinkedHashMap<>();

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

  @Option(
      names = "--ui-bind-address",
      defaultValue = "127.0.0.1:0",
      paramLabel = "HOST:PORT",
      description =
          "Where the web dashboard listens, a loopback address (no login); default:"
              + " ${DEFAULT-VALUE} (a free port); 'off' serves none.")
  String uiBindAddress;

  @Mixin OutputOptions output;
  @Mixin TenancyFlags tenancy;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    boolean structured = output.format() != OutputFormat.table;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter info = structured ? spec.commandLine().getErr() : out;
    UpSettings settings =
        UpSettings.defaults()
            .withFleet(fleet)
            .withRepo(null)
            .withBranch(ref)
            .withPath(path)
            .withCluster(kubeconfig, context)
            .withWorkDir(workDir)
            .withGitAliases(gitAliases);
    settings = withSource(settings);
    StopSignals signals = StopSignals.install();
    int code;
    Path workDirectory;
    ControllerStarter starter =
        SealingKeySetup.before(
            RuntimeControllers.with(tenancy.tenancy()),
            SealingKeySetup.read(sealingKey, sealingCert, ExitCode.USAGE),
            info);
    InetSocketAddress ui = dashboardAddress(uiBindAddress);
    try (UpSession session = UpSession.start(settings, starter, info)) {
      workDirectory = session.workDir();
      if (ui != null) {
        session.startDashboard(ui);
      }
      code = once ? runOnce(session, out, info, signals) : runLive(session, out, info, signals);
    }
    if (signals.received()) {
      info.println();
      info.println("Stopped. The working directory stays: " + workDirectory);
      info.flush();
      return signals.exitCode();
    }
    return code;
  }

  /** Checks --repo, --fleet and --git-alias; a bad one is one line naming the flag. */
  private UpSettings withSource(UpSettings settings) {
    if (fleet != null && repo != null) {
      throw new CliException(ExitCode.USAGE, "--repo and --fleet exclude each other; pass one");
    }
    if (fleet != null && !Files.isDirectory(fleet)) {
      throw new CliException(ExitCode.USAGE, "--fleet '" + fleet + "' is not a directory");
    }
    gitAliases.forEach(
        (url, dir) -> {
          if (!Files.isDirectory(dir)) {
            throw new CliException(
                ExitCode.USAGE,
                "--git-alias '" + url + "=" + dir + "': " + dir + " is not a directory");
          }
        });
    if (repo == null) {
      return settings;
    }
    RepoLocation location = RepoLocation.parse(repo);
    return location.isLocal()
        ? settings.withFleet(location.directory())
        : settings.withRepo(location.url());
  }

  private int runOnce(UpSession session, PrintWriter out, PrintWriter info, StopSignals signals)
      throws InterruptedException {
    boolean structured = output.format() != OutputFormat.table;
    LiveView view = new LiveView(info, false, Integer.MAX_VALUE);
    Completion completion = new Completion(settle);
    Instant deadline = Instant.now().plus(timeout);
    List<ObjectStatus> statuses;
    Completion.State state;
    do {
      if (signals.await(POLL)) {
        return ExitCode.FAILED;
      }
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

  private int runLive(UpSession session, PrintWriter out, PrintWriter info, StopSignals signals)
      throws InterruptedException {
    boolean structured = output.format() != OutputFormat.table;
    boolean terminal = System.console() != null && !structured;
    int width = terminalWidth();
    LiveView view = new LiveView(out, terminal, width);
    info.println("Reconciling; press Ctrl-C to stop.");
    info.flush();
    List<ObjectStatus> last = null;
    while (!signals.await(POLL)) {
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
        view.render(
            statuses,
            session.dashboardUrl().map(url -> "Dashboard: " + url + " · ").orElse("")
                + "Ctrl-C stops; kubeconfig: "
                + session.kubeconfig());
      }
      last = statuses;
    }
    return ExitCode.OK;
  }

  /** The dashboard's address, null for {@code off}; only loopback, as it has no login. */
  static InetSocketAddress dashboardAddress(String text) {
    if ("off".equals(text)) {
      return null;
    }
    InetSocketAddress address;
    try {
      address = ProbeServer.parseAddress(text);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.USAGE, "--ui-bind-address: " + e.getMessage());
    }
    if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
      throw new CliException(
          ExitCode.USAGE,
          "--ui-bind-address "
              + text
              + ": cairn up serves the dashboard without login, so only on a loopback address"
              + " (127.0.0.1:PORT); cairn controller --ui-bind-address serves it with login");
    }
    return address;
  }

  private static int terminalWidth() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120"));
    } catch (NumberFormatException e) {
      return 120;
    }
  }
}
