package dev.cairn.notify.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each receiver type's check, signed as the sender signs; no verdict message names the token. */
class WebhookVerifierTest {
  private static final String TOKEN = "tok3n-for-hooks";
  private static final byte[] BODY =
      "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);

  private static WebhookCall call(Map<String, String> headers) {
    return new WebhookCall("POST", headers, BODY);
  }

  private static String hmac(String algorithm) {
    return WebhookVerifier.hmac(algorithm, TOKEN.getBytes(StandardCharsets.UTF_8), call(Map.of()));
  }

  @Test
  void thePathIsTheSha256OfTokenNameAndNamespace() {
    // sha256("tok3n-for-hooks" + "app" + "flux-system"), computed independently with sha256sum
    assertThat(WebhookPath.of(TOKEN, "app", "flux-system"))
        .isEqualTo("/hook/49a879e81a59a991c84a5fc1f38b583a955adc58e894a8fa57cdfbf064de2ca8");
  }

  @Test
  void genericHmacAcceptsEachAlgorithmAndRefusesABadSignature() {
    for (String[] algo :
        new String[][] {{"sha1", "HmacSHA1"}, {"sha256", "HmacSHA256"}, {"sha512", "HmacSHA512"}}) {
      Verdict ok =
          WebhookVerifier.verify(
              "generic-hmac",
              TOKEN,
              List.of(),
              call(Map.of("X-Signature", algo[0] + "=" + hmac(algo[1]))));
      assertThat(ok.status()).as(algo[0]).isEqualTo(200);
      assertThat(ok.reconcile()).isTrue();
    }
    Verdict bad =
        WebhookVerifier.verify(
            "generic-hmac", TOKEN, List.of(), call(Map.of("X-Signature", "sha256=00")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.reconcile()).isFalse();
  }

  @Test
  void githubChecksTheSignatureFiltersEventsAndAnswersPing() {
    String signature = "sha256=" + hmac("HmacSHA256");
    Map<String, String> push = Map.of("X-Hub-Signature-256", signature, "x-github-event", "push");
    assertThat(WebhookVerifier.verify("github", TOKEN, List.of("push"), call(push)).reconcile())
        .isTrue();
    Verdict issues =
        WebhookVerifier.verify(
            "github",
            TOKEN,
            List.of("push"),
            call(Map.of("X-Hub-Signature-256", signature, "X-GitHub-Event", "issues")));
    assertThat(issues.status()).isEqualTo(400);
    Verdict ping =
        WebhookVerifier.verify(
            "github",
            TOKEN,
            List.of("push"),
            call(Map.of("X-Hub-Signature-256", signature, "X-GitHub-Event", "ping")));
    assertThat(ping.status()).isEqualTo(200);
    assertThat(ping.reconcile()).isFalse();
    Verdict unsigned =
        WebhookVerifier.verify("github", TOKEN, List.of(), call(Map.of("X-GitHub-Event", "push")));
    assertThat(unsigned.status()).isEqualTo(400);
    assertThat(unsigned.message()).doesNotContain(TOKEN);
  }

  @Test
  void gitlabBitbucketHarborAndNexus() {
    assertThat(
            WebhookVerifier.verify(
                    "gitlab",
                    TOKEN,
                    List.of("Push Hook"),
                    call(Map.of("X-Gitlab-Token", TOKEN, "X-Gitlab-Event", "Push Hook")))
                .reconcile())
        .isTrue();
    assertThat(
            WebhookVerifier.verify(
                    "gitlab", TOKEN, List.of(), call(Map.of("X-Gitlab-Token", TOKEN + "x")))
                .status())
        .isEqualTo(400);
    assertThat(
            WebhookVerifier.verify(
                    "bitbucket",
                    TOKEN,
                    List.of("repo:push"),
                    call(
                        Map.of(
                            "X-Hub-Signature",
                            "sha256=" + hmac("HmacSHA256"),
                            "X-Event-Key",
                            "repo:push")))
                .reconcile())
        .isTrue();
    assertThat(
            WebhookVerifier.verify("harbor", TOKEN, List.of(), call(Map.of("Authorization", TOKEN)))
                .reconcile())
        .isTrue();
    assertThat(
            WebhookVerifier.verify("harbor", TOKEN, List.of(), call(Map.of("Authorization", "x")))
                .status())
        .isEqualTo(400);
    assertThat(
            WebhookVerifier.verify(
                    "nexus",
                    TOKEN,
                    List.of(),
                    call(Map.of("X-Nexus-Webhook-Signature", hmac("HmacSHA1"))))
                .reconcile())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gcr", "cdevents", "dockerhub", "quay", "acr", "nonsense"})
  void typesCairnDoesNotImplementAreRefusedClearly(String type) {
    assertThat(WebhookVerifier.refusal(type))
        .hasValueSatisfying(
            m -> assertThat(m).contains("'" + type + "'").contains("supported types: bitbucket"));
    assertThat(WebhookVerifier.verify(type, TOKEN, List.of(), call(Map.of())).status())
        .isEqualTo(400);
  }
}
