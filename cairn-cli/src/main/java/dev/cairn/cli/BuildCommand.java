package dev.cairn.cli;

import dev.cairn.cli.cluster.KustomizationPreview;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.KustomizeOptions;
import dev.cairn.kustomize.Kustomizer;
import dev.cairn.manifest.ManifestException;
import dev.cairn.render.helmcharts.KustomizeChartInflator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn build DIR}: renders a Kustomize directory in-process, like kubectl kustomize. */
@Command(
    name = "build",
    subcommands = BuildKustomizationCommand.class,
    description = {
      "Render a Kustomize directory and print the objects as multi-document YAML.",
      "The output is what 'kubectl kustomize DIR' prints (kustomize v5.5.0), rendered by Cairn's"
          + " native engine: no binary, remote bases refused. Bases (directories) may lie"
          + " anywhere in the Git repository that holds DIR; files only inside DIR.",
      "helmCharts need --enable-helm (Helm is built in; charts not found in chartHome are"
          + " pulled into a cache outside DIR)."
    })
final class BuildCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "A directory with a kustomization.")
  Path dir;

  @Option(
      names = "--enable-helm",
      description =
          "Inflate helmCharts, as kubectl kustomize --enable-helm. Without it no network is used"
              + " and helmCharts fail.")
  boolean enableHelm;

  @Option(
      names = "--helm-cache-dir",
      paramLabel = "DIR",
      description =
          "Where charts pulled for helmCharts are kept (default: $XDG_CACHE_HOME/cairn/helm-charts"
              + " or ~/.cache/cairn/helm-charts).")
  Path helmCacheDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (dir == null) {
      throw new ParameterException(spec.commandLine(), "Missing required parameter: 'DIR'");
    }
    if (!Files.isDirectory(dir)) {
      throw new CliException(ExitCode.FAILED, dir + ": no such directory");
    }
    String yaml;
    try {
      KustomizeOptions options =
          KustomizeOptions.defaults().withBoundary(KustomizationPreview.repositoryRoot(dir));
      if (enableHelm) {
        options = options.withChartInflator(KustomizeChartInflator.withCache(helmCache()));
      }
      yaml = Kustomizer.defaults().withOptions(options).buildYaml(dir);
    } catch (KustomizeException | ManifestException e) {
      throw new CliException(ExitCode.FAILED, e.getMessage(), e);
    }
    spec.commandLine().getOut().print(yaml);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  private Path helmCache() {
    if (helmCacheDir != null) {
      return helmCacheDir;
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("cairn").resolve("helm-charts");
  }
}
