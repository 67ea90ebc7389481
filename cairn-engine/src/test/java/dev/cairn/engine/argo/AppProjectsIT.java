package dev.cairn.engine.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.argo.AppProject;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.cluster.RequestCounter.Verb;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AppProjects for Application runs come from a watch once it has listed them; a fresh read, and a
 * project the watch does not hold, go to the server.
 */
@ExtendWith(ClusterExtension.class)
class AppProjectsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String RESOURCE = "appprojects.cairn.dev";

  @Test
  void aSteadyReadComesFromTheWatchAndAFreshOneFromTheServer(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    CairnCrdInstaller.install(client, List.of(AppProject.class));
    String ns = cluster.createNamespace("projects");
    AppProject team = new AppProject();
    team.setMetadata(new ObjectMetaBuilder().withName("team").withNamespace(ns).build());
    client.resource(team).create();

    try (AppProjects projects = new AppProjects(client)) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                cluster.requests().reset();
                assertThat(projects.get(ns, "team", false)).isPresent();
                assertThat(cluster.requests().count(Verb.GET, RESOURCE)).isZero();
              });

      cluster.requests().reset();
      assertThat(projects.get(ns, "team", true)).isPresent();
      assertThat(cluster.requests().count(Verb.GET, RESOURCE)).isEqualTo(1);

      cluster.requests().reset();
      assertThat(projects.get(ns, AppProject.DEFAULT, false))
          .as("the watch, listed, says there is no default project")
          .isEmpty();
      assertThat(projects.get(ns, "other", false)).isEmpty();
      assertThat(cluster.requests().count(Verb.GET, RESOURCE))
          .as("only the project the watch lacks is asked for")
          .isEqualTo(1);
    }
  }
}
