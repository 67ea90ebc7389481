package dev.cairn.cli;

import dev.cairn.cli.preview.JsonReport;
import dev.cairn.cli.preview.MarkdownReport;
import dev.cairn.cli.preview.PreviewFormat;
import dev.cairn.cli.preview.TextReport;
import dev.cairn.cli.preview.VariablesFile;
import dev.cairn.engine.preview.FleetPreview;
import dev.cairn.engine.preview.PreviewException;
import dev.cairn.engine.preview.PreviewReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn preview}: what a change to a fleet repository would change in the cluster. */
@Command(
    name = "preview",
    description = {
      "Render the fleet of a Git repository at two revisions, offline, as the controller would"
          + " (Kustomizations, HelmReleases, substitution, charts), and print per Kustomization"
          + " and HelmRelease a unified diff of the rendered objects. Secret values, SealedSecret"
          + " data and SOPS values show only as changed or unchanged.",
      "Exit code: 0 no change, 1 changes, 2 something could not be rendered at --to (or the"
          + " preview could not run)."
    })
final class PreviewCommand implements Callable<Integer> {

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "The fleet: a Git work tree or a directory in one (default: .).")
  Path repo = Path.of(".");

  @Option(
      names = "--from",
      required = true,
      paramLabel = "REV",
      description = "The old revision: a branch, tag, SHA or HEAD~1.")
  String from;

  @Option(names = "--to", paramLabel = "REV", description = "The new revision (default: HEAD).")
  String to = "HEAD";

  @Option(
      names = "--path",
      paramLabel = "PATH",
      description =
          "Where the fleet starts, relative to DIR (default: clusters/NAME when DIR has exactly"
              + " one cluster directory, else DIR itself).")
  String path;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default), markdown (a pull-request comment) or json.")
  PreviewFormat output = PreviewFormat.text;

  @Option(
      names = "--vars",
      paramLabel = "FILE",
      description =
          "Substitution variables that only the cluster has (a substituteFrom ConfigMap or Secret"
              + " not in the repository): NAME=value lines or a YAML map.")
  Path vars;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.isDirectory(repo)) {
      throw new CliException(ExitCode.ERRORS, repo + ": no such directory");
    }
    PreviewReport report;
    try {
      Map<String, String> variables = vars == null ? null : VariablesFile.read(vars);
      report = FleetPreview.defaults().preview(repo, from, to, path, variables);
    } catch (PreviewException | IllegalArgumentException e) {
      throw new CliException(ExitCode.ERRORS, e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (output) {
      case markdown -> MarkdownReport.print(report, out);
      case json -> JsonReport.print(report, out);
      default -> TextReport.print(report, out);
    }
    if (report.hasErrors()) {
      return ExitCode.ERRORS;
    }
    return report.hasChanges() ? ExitCode.FAILED : ExitCode.OK;
  }
}
