package dev.cairn.cli.up;

import dev.cairn.source.git.GitUrlRewrites;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/** Starts the reconcilers against a cluster; closing the result stops them. */
@FunctionalInterface
public interface ControllerStarter {
  AutoCloseable start(KubernetesClient client, Path storage, GitUrlRewrites rewrites);
}
