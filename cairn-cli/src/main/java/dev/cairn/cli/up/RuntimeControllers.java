package dev.cairn.cli.up;

import dev.cairn.controller.CairnRuntime;
import dev.cairn.controller.RuntimeOptions;
import dev.cairn.engine.Tenancy;
import dev.cairn.source.git.GitUrlRewrites;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;

/** Starts cairn-controller's {@link CairnRuntime} in this process: every kind, all namespaces. */
public final class RuntimeControllers {

  private RuntimeControllers() {}

  public static AutoCloseable start(
      KubernetesClient client, Path storage, GitUrlRewrites rewrites) {
    return start(client, storage, rewrites, Tenancy.open());
  }

  /** Starts them with Flux's lockdown flags, as {@code cairn controller} takes them. */
  public static ControllerStarter with(Tenancy tenancy) {
    return (client, storage, rewrites) -> start(client, storage, rewrites, tenancy);
  }

  private static AutoCloseable start(
      KubernetesClient client, Path storage, GitUrlRewrites rewrites, Tenancy tenancy) {
    CairnRuntime runtime =
        new CairnRuntime(
            client,
            RuntimeOptions.defaults()
                .withStoragePath(storage)
                .withShutdownTimeout(Duration.ofSeconds(5))
                .withGitUrlRewrites(rewrites)
                .withTenancy(tenancy));
    runtime.start();
    return runtime;
  }
}
