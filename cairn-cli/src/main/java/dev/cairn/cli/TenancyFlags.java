package dev.cairn.cli;

import dev.cairn.engine.Tenancy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Flux's multi-tenancy lockdown flags, shared by {@code cairn controller} and {@code cairn up}
 * (which act on them) and {@code cairn install} and {@code cairn bootstrap git} (which put them
 * into the controller's arguments).
 */
final class TenancyFlags {

  @Option(
      names = "--no-cross-namespace-refs",
      defaultValue = "false",
      fallbackValue = "true",
      arity = "0..1",
      description =
          "Refuse objects that name a source, a dependency, an event source or a resource in"
              + " another namespace: Ready=False, AccessDenied (Flux's multi-tenancy lockdown;"
              + " default: ${DEFAULT-VALUE}).")
  boolean noCrossNamespaceRefs;

  @Option(
      names = "--no-remote-bases",
      fallbackValue = "true",
      arity = "0..1",
      description =
          "Refuse kustomization.yaml files whose resources name a remote base (Git or HTTP URL)."
              + " Cairn never fetches remote bases, so this is always true; accepted for Flux's"
              + " lockdown flags.")
  Boolean noRemoteBases;

  @Option(
      names = "--default-service-account",
      paramLabel = "NAME",
      description =
          "Kustomizations and HelmReleases without spec.serviceAccountName impersonate"
              + " system:serviceaccount:<their namespace>:NAME (Flux's multi-tenancy lockdown;"
              + " default: the controller's own account).")
  String defaultServiceAccount;

  /** The lockdown; {@code --no-remote-bases=false} is a usage error. */
  Tenancy tenancy() {
    if (Boolean.FALSE.equals(noRemoteBases)) {
      throw new CliException(
          ExitCode.USAGE,
          "--no-remote-bases=false: Cairn never fetches remote bases; vendor the base into the"
              + " source instead");
    }
    return new Tenancy(noCrossNamespaceRefs, defaultServiceAccount);
  }

  /** The flags as {@code cairn controller} arguments: only those that were set. */
  List<String> controllerArgs() {
    Tenancy tenancy = tenancy();
    List<String> args = new ArrayList<>();
    if (tenancy.noCrossNamespaceRefs()) {
      args.add("--no-cross-namespace-refs");
    }
    if (Boolean.TRUE.equals(noRemoteBases)) {
      args.add("--no-remote-bases");
    }
    if (tenancy.defaultServiceAccount() != null) {
      args.add("--default-service-account=" + tenancy.defaultServiceAccount());
    }
    return args;
  }
}
