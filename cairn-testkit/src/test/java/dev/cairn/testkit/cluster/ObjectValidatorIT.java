package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sim.cluster.ObjectValidator;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.sim.cluster.SimulatedClusterOptions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The validation hook; simulated only, since it plugs a validator into the simulated server. */
class ObjectValidatorIT {
  private static final Widgets WIDGETS = new Widgets("validated.test.cairn.dev");
  private static final AtomicReference<String> seenKind = new AtomicReference<>();
  private static SimulatedCluster cluster;

  @BeforeAll
  static void start() {
    ObjectValidator sizeMustBePositive =
        (apiVersion, kind, schema, object) -> {
          seenKind.set(apiVersion + " " + kind + " " + schema.path("type").asText());
          return object.path("spec").path("size").asInt(0) < 0
              ? List.of(
                  "spec.size: Invalid value: "
                      + object.path("spec").path("size")
                      + ": must be >= 0")
              : List.of();
        };
    cluster =
        SimulatedCluster.start(
            SimulatedClusterOptions.defaults().withValidator(sizeMustBePositive));
    WIDGETS.createEstablished(cluster.client());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void invalidCustomResourcesAreRefusedWith422() {
    KubernetesClient client = cluster.client();
    GenericKubernetesResource bad = WIDGETS.widget("default", "bad", Map.of("size", -1));

    assertThatThrownBy(() -> WIDGETS.in(client).inNamespace("default").resource(bad).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
              assertThat(e.getStatus().getMessage())
                  .isEqualTo(
                      "Widget.validated.test.cairn.dev \"bad\" is invalid: spec.size: Invalid value: -1: must be >= 0");
            });
    assertThat(seenKind.get()).isEqualTo("validated.test.cairn.dev/v1 Widget object");
    assertThat(WIDGETS.in(client).inNamespace("default").withName("bad").get()).isNull();

    GenericKubernetesResource good = WIDGETS.widget("default", "good", Map.of("size", 1));
    WIDGETS
        .in(client)
        .inNamespace("default")
        .resource(good)
        .fieldManager("cairn")
        .serverSideApply();
    assertThatThrownBy(
            () ->
                WIDGETS
                    .in(client)
                    .inNamespace("default")
                    .resource(WIDGETS.widget("default", "good", Map.of("size", -5)))
                    .fieldManager("cairn")
                    .serverSideApply())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422));
  }
}
