package dev.cairn.cli;

import dev.cairn.cli.bootstrap.BootstrapSettings;
import dev.cairn.cli.bootstrap.Bootstrapper;
import dev.cairn.cli.bootstrap.GitAuth;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.install.InstallSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cairn bootstrap}: only {@code git} so far. */
@Command(
    name = "bootstrap",
    description = "Install Cairn and have it sync itself and the fleet from a Git repository.",
    subcommands = {BootstrapCommand.Git.class})
final class BootstrapCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required: git");
  }

  /**
   * {@code cairn bootstrap git}: commits Cairn's manifests and sync objects to {@code
   * <path>/<namespace>/} of a branch, installs Cairn, applies the sync objects and waits until the
   * root Kustomization runs the pushed commit, as {@code flux bootstrap git} does.
   */
  @Command(
      name = "git",
      description = {
        "Commit Cairn's manifests to <path>/<namespace>/ of a Git branch and push them, install"
            + " Cairn, apply its GitRepository and root Kustomization and wait until they are Ready"
            + " at the pushed commit. Running it again upgrades in place."
      })
  static final class Git implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--url", required = true, description = "The repository (https or http).")
    String url;

    @Option(
        names = "--branch",
        defaultValue = "main",
        description = "The branch (default: ${DEFAULT-VALUE}).")
    String branch;

    @Option(
        names = "--path",
        required = true,
        paramLabel = "DIR",
        description = "The cluster's directory in the repository, e.g. clusters/my-cluster.")
    String path;

    @Option(
        names = {"-u", "--username"},
        defaultValue = "git",
        description = "The HTTP basic-auth user (default: ${DEFAULT-VALUE}).")
    String username;

    @Option(
        names = {"-p", "--password"},
        defaultValue = "${env:GIT_PASSWORD}",
        description = "The password or token (default: $GIT_PASSWORD); never printed.")
    String password;

    @Option(
        names = "--with-bearer-token",
        description = "Send the password as 'Authorization: Bearer' instead of basic auth.")
    boolean bearer;

    @Option(
        names = "--secret-name",
        description =
            "The Secret in the namespace that holds the credentials for the GitRepository"
                + " (default: the namespace's name).")
    String secretName;

    @Option(
        names = "--author-name",
        defaultValue = "Cairn",
        description = "The commit author (default: ${DEFAULT-VALUE}).")
    String authorName;

    @Option(
        names = "--author-email",
        defaultValue = "cairn@localhost",
        description = "The commit author's email (default: ${DEFAULT-VALUE}).")
    String authorEmail;

    @Option(
        names = "--timeout",
        defaultValue = "5m",
        converter = DurationConverter.class,
        description =
            "How long to wait for the controller, then for the sync objects (default:"
                + " ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin InstallFlags flags;

    @Mixin ClusterOptions cluster;

    @Override
    public Integer call() {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new ParameterException(spec.commandLine(), "--timeout must be positive");
      }
      if (bearer && (password == null || password.isEmpty())) {
        throw new ParameterException(
            spec.commandLine(), "--with-bearer-token needs the token in --password");
      }
      String namespace = cluster.namespace();
      GitAuth auth =
          password == null || password.isEmpty()
              ? GitAuth.none()
              : new GitAuth(username, password, bearer);
      BootstrapSettings settings;
      try {
        settings = new BootstrapSettings(url, branch, path, namespace, secretName, auth);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      InstallSettings install = flags.settings(namespace);
      try (KubernetesClient client = cluster.client()) {
        new Bootstrapper(client, spec.commandLine().getOut())
            .run(
                settings,
                install,
                CairnVersion.version(),
                new PersonIdent(authorName, authorEmail),
                timeout);
      }
      return ExitCode.OK;
    }
  }
}
