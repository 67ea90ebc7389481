package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.api.argo.ApplicationSetSpec;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.engine.argo.appset.ApplicationGeneration;
import dev.cairn.engine.argo.appset.ClusterSecrets;
import dev.cairn.engine.argo.appset.GeneratedApplication;
import dev.cairn.engine.argo.appset.GeneratorException;
import dev.cairn.engine.argo.appset.KubernetesClusterSecrets;
import dev.cairn.manifest.YamlWriter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn appset preview NAME|-f FILE}: the Applications an ApplicationSet generates. */
@Command(
    name = "appset",
    description = "Argo CD ApplicationSets.",
    subcommands = {AppsetCommand.Preview.class})
final class AppsetCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the set's generators and template and prints the Applications, changing nothing. */
  @Command(
      name = "preview",
      description = {
        "Print the Applications an ApplicationSet would generate (argoproj.io/v1alpha1 YAML),"
            + " changing nothing.",
        "NAME reads the set (and Argo CD cluster Secrets) from the cluster; -f FILE reads a set"
            + " not applied yet (its clusters generator then sees only the local cluster)."
      })
  static final class Preview implements Callable<Integer> {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "NAME",
        description = "A set in the cluster.")
    String name;

    @Option(
        names = {"-f", "--file"},
        paramLabel = "FILE",
        description = "An ApplicationSet manifest.")
    Path file;

    @Option(
        names = "--git-alias",
        paramLabel = "URL=DIR",
        description =
            "Read this repository URL from the local directory DIR as it is on disk, uncommitted"
                + " changes included (repeatable).")
    Map<String, Path> gitAliases = new LinkedHashMap<>();

    @Mixin ClusterOptions cluster;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if ((name == null) == (file == null)) {
        throw new CliException(ExitCode.USAGE, "give either NAME or -f FILE");
      }
      try (PreviewGitTrees git = new PreviewGitTrees(gitAliases)) {
        List<GeneratedApplication> apps = file != null ? fromFile(git) : fromCluster(git);
        List<JsonNode> nodes =
            apps.stream().map(app -> (JsonNode) app.application().node()).toList();
        spec.commandLine().getOut().print(YamlWriter.writeAll(nodes));
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println(apps.size() + " Application(s)");
        return ExitCode.OK;
      } catch (GeneratorException e) {
        throw new CliException(ExitCode.FAILED, e.getMessage());
      }
    }

    private List<GeneratedApplication> fromFile(PreviewGitTrees git) throws IOException {
      JsonNode set = YAML.readTree(Files.readString(file));
      if (set == null || !"ApplicationSet".equals(set.path("kind").asText())) {
        throw new CliException(ExitCode.USAGE, file + " holds no ApplicationSet");
      }
      ApplicationSetSpec setSpec = YAML.treeToValue(set.path("spec"), ApplicationSetSpec.class);
      String namespace = set.path("metadata").path("namespace").asText(cluster.namespace());
      return ApplicationGeneration.generate(setSpec, namespace, git, ClusterSecrets.none());
    }

    private List<GeneratedApplication> fromCluster(PreviewGitTrees git) {
      try (KubernetesClient client = cluster.client()) {
        ApplicationSet set =
            client
                .resources(ApplicationSet.class)
                .inNamespace(cluster.namespace())
                .withName(name)
                .get();
        if (set == null) {
          throw new CliException(
              ExitCode.FAILED, "ApplicationSet " + cluster.namespace() + "/" + name + " not found");
        }
        return ApplicationGeneration.generate(
            set.getSpec(),
            cluster.namespace(),
            git,
            new KubernetesClusterSecrets(client, cluster.namespace()));
      }
    }
  }
}
