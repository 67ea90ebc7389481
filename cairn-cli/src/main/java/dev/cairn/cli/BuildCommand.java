package dev.cairn.cli;

import dev.cairn.cli.cluster.KustomizationPreview;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.KustomizeOptions;
import dev.cairn.kustomize.Kustomizer;
import dev.cairn.manifest.ManifestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
          + " anywhere in the Git repository that holds DIR; files only inside DIR."
    })
final class BuildCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "A directory with a kustomization.")
  Path dir;

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
      yaml = Kustomizer.defaults().withOptions(options).buildYaml(dir);
    } catch (KustomizeException | ManifestException e) {
      throw new CliException(ExitCode.FAILED, e.getMessage(), e);
    }
    spec.commandLine().getOut().print(yaml);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
