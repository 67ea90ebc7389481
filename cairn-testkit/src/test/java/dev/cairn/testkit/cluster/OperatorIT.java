package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.sim.cluster.RequestCounter;
import dev.cairn.sim.cluster.SimulatedCluster;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Java Operator SDK controller runs against the simulated cluster with its default of patching
 * status by server-side apply (the stock mock answers that with 415 and the SDK retries forever).
 */
class OperatorIT {
  private static final Widgets WIDGETS = new Widgets("operator.test.cairn.dev");
  private static SimulatedCluster cluster;
  private static Operator operator;

  /** The typed custom resource JOSDK needs; its schema is the Widgets CRD's. */
  @Group("operator.test.cairn.dev")
  @Version("v1")
  public static class Widget extends CustomResource<Map<String, Object>, Map<String, Object>>
      implements Namespaced {}

  @ControllerConfiguration
  public static class WidgetReconciler implements Reconciler<Widget> {
    @Override
    public UpdateControl<Widget> reconcile(Widget widget, Context<Widget> context) {
      Widget status = new Widget();
      status.setMetadata(
          new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
              .withName(widget.getMetadata().getName())
              .withNamespace(widget.getMetadata().getNamespace())
              .build());
      status.setStatus(
          Map.of("observedGeneration", widget.getMetadata().getGeneration(), "phase", "Ready"));
      return UpdateControl.patchStatus(status);
    }
  }

  @BeforeAll
  static void start() {
    cluster = SimulatedCluster.start();
    WIDGETS.createEstablished(cluster.client());
    operator =
        new Operator(o -> o.withKubernetesClient(cluster.client()).withCloseClientOnStop(false));
    operator.register(new WidgetReconciler());
    operator.start();
  }

  @AfterAll
  static void stop() {
    operator.stop();
    cluster.close();
  }

  @Test
  void reconcilesAndPatchesStatusWithServerSideApply() {
    WIDGETS
        .in(cluster.client())
        .inNamespace("default")
        .resource(WIDGETS.widget("default", "w", Map.of("colour", "red")))
        .create();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        WIDGETS
                            .in(cluster.client())
                            .inNamespace("default")
                            .withName("w")
                            .get()
                            .getAdditionalProperties()
                            .get("status"))
                    .isEqualTo(Map.of("observedGeneration", 1, "phase", "Ready")));
    assertThat(
            cluster
                .requests()
                .count(RequestCounter.Verb.APPLY, "widgets.operator.test.cairn.dev/status"))
        .isPositive();
  }
}
