package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn up --once} on the project's own {@code examples/fleet} reaches all-Ready. */
class UpExampleFleetIT {

  @Test
  void theExampleFleetReconcilesToReady(@TempDir Path work) throws Exception {
    MainTest.Result result =
        MainTest.run("up", "--once", "-o", "json", "--workdir", work.toString(), "--timeout", "4m");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode objects = new ObjectMapper().readTree(result.out());
    List<String> names = new ArrayList<>();
    objects.forEach(o -> names.add(o.path("kind").asText() + "/" + o.path("name").asText()));
    assertThat(names)
        .contains(
            "GitRepository/cairn-system",
            "Kustomization/cairn-system",
            "Kustomization/repositories",
            "Kustomization/infrastructure-controllers",
            "Kustomization/infrastructure-configs",
            "Kustomization/apps",
            "HelmRelease/ingress-controller",
            "HelmRelease/cert-controller");
    objects.forEach(o -> assertThat(o.path("ready").asText()).as(o.toString()).isEqualTo("True"));
  }
}
