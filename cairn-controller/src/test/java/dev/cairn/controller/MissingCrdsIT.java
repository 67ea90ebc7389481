package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Without Cairn's CRDs the controllers cannot start, and the runtime says so instead of hanging.
 */
@ExtendWith(ClusterExtension.class)
class MissingCrdsIT {

  @Test
  void reportsThatTheControllersCouldNotStart(TestCluster cluster) throws Exception {
    RuntimeOptions options =
        RuntimeOptions.defaults().withStoragePath(Files.createTempDirectory("missing-crds-"));
    try (CairnRuntime runtime = new CairnRuntime(cluster.client(), options)) {
      runtime.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> runtime.failure().isPresent());
      assertThat(runtime.isReady()).isFalse();
      assertThat(runtime.failure().get())
          .hasMessageEndingWith(".cairn.dev/v1: are Cairn's CRDs installed?")
          .hasMessageStartingWith("the API server does not serve ");
    }
  }
}
