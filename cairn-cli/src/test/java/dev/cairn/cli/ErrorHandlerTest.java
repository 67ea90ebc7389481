package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {

  @Test
  void anApiServerRefusalIsItsOwnMessageNotTheStatusDump() {
    KubernetesClientException refused =
        new KubernetesClientException(
            new StatusBuilder()
                .withCode(422)
                .withReason("Invalid")
                .withMetadata(new ListMeta())
                .withMessage(
                    "GitRepository.cairn.dev \"cairn-system\" is invalid: spec.url: Invalid value:"
                        + " \"file:///srv/fleet\"\nmust match '^(http|https|ssh)://.*$'")
                .build());

    String line = ErrorHandler.oneLine(refused);

    assertThat(line)
        .isEqualTo(
            "the cluster refused a request (422): GitRepository.cairn.dev \"cairn-system\" is"
                + " invalid: spec.url: Invalid value: \"file:///srv/fleet\" must match"
                + " '^(http|https|ssh)://.*$'")
        .doesNotContain("ListMeta")
        .doesNotContain("Status(");
  }
}
