package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.sim.cluster.RequestCounter.Verb;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private final Faults faults = new Faults();

  private static FaultRequest request(String method, String path) {
    return request(method, path, null);
  }

  private static FaultRequest request(String method, String path, String contentType) {
    ApiRequest parsed =
        ApiRequest.parse(method, path, h -> h.equals("Content-Type") ? contentType : null, "{}");
    return FaultRequest.of(parsed, null);
  }

  private static final FaultRequest APPLY_CM =
      request(
          "PATCH",
          "/api/v1/namespaces/a/configmaps/one?fieldManager=x",
          "application/apply-patch+yaml");
  private static final FaultRequest GET_CM = request("GET", "/api/v1/namespaces/a/configmaps/one");
  private static final FaultRequest LIST_DEPLOYMENTS =
      request("GET", "/apis/apps/v1/namespaces/b/deployments");
  private static final FaultRequest DELETE_CM =
      request("DELETE", "/api/v1/namespaces/b/configmaps/two");
  private static final FaultRequest STATUS_PATCH =
      request(
          "PATCH",
          "/apis/cairn.dev/v1/namespaces/a/kustomizations/app/status",
          "application/merge-patch+json");

  @Test
  void requestsAreNamedAsTheRequestCounterNamesThem() {
    assertThat(APPLY_CM.verb()).isEqualTo(Verb.APPLY);
    assertThat(APPLY_CM.resource()).isEqualTo("configmaps");
    assertThat(APPLY_CM).hasToString("apply configmaps a/one");
    assertThat(LIST_DEPLOYMENTS.verb()).isEqualTo(Verb.LIST);
    assertThat(LIST_DEPLOYMENTS.resource()).isEqualTo("deployments.apps");
    assertThat(STATUS_PATCH.resource()).isEqualTo("kustomizations.cairn.dev/status");
    assertThat(request("GET", "/apis")).isNull();
    assertThat(request("GET", "/version")).isNull();
  }

  @Test
  void aRuleMatchesByVerbResourceNamespaceAndPredicate() {
    FaultRule writes = FaultRule.answer(Fault.internalError()).on(FaultRule.WRITES);
    assertThat(writes.matches(APPLY_CM)).isTrue();
    assertThat(writes.matches(DELETE_CM)).isTrue();
    assertThat(writes.matches(GET_CM)).isFalse();
    assertThat(writes.matches(STATUS_PATCH)).isTrue();

    FaultRule configMapsInA = writes.resource("configmaps").namespace("a");
    assertThat(configMapsInA.matches(APPLY_CM)).isTrue();
    assertThat(configMapsInA.matches(DELETE_CM)).isFalse();
    assertThat(configMapsInA.matches(STATUS_PATCH)).isFalse();

    FaultRule named = FaultRule.answer(Fault.internalError()).where(r -> "two".equals(r.name()));
    assertThat(named.matches(DELETE_CM)).isTrue();
    assertThat(named.matches(APPLY_CM)).isFalse();
    assertThat(
            FaultRule.answer(Fault.internalError()).on(FaultRule.READS).matches(LIST_DEPLOYMENTS))
        .isTrue();
  }

  @Test
  void aRuleAnswersUntilRemoved() {
    Faults.Injected handle = faults.inject(FaultRule.answer(Fault.internalError()).on(Verb.GET));
    assertThat(faults.faultFor(GET_CM)).contains(Fault.internalError());
    assertThat(faults.faultFor(GET_CM)).isPresent();
    assertThat(faults.faultFor(APPLY_CM)).isEmpty();
    assertThat(handle.answered()).isEqualTo(2);

    handle.remove();

    assertThat(faults.faultFor(GET_CM)).isEmpty();
  }

  @Test
  void aRuleWithTimesAnswersTheFirstNMatchingRequestsOnly() {
    Faults.Injected handle =
        faults.inject(FaultRule.answer(Fault.internalError()).resource("configmaps").times(2));
    assertThat(faults.faultFor(LIST_DEPLOYMENTS)).isEmpty();
    assertThat(faults.faultFor(GET_CM)).isPresent();
    assertThat(faults.faultFor(APPLY_CM)).isPresent();
    assertThat(faults.faultFor(GET_CM)).isEmpty();
    assertThat(handle.answered()).isEqualTo(2);
  }

  @Test
  void aProbabilityIsDrawnFromTheSeedSoARunRepeats() {
    FaultRule rule = FaultRule.answer(Fault.internalError()).withProbability(0.05, 42);
    Faults other = new Faults();
    faults.inject(rule);
    other.inject(rule);
    boolean[] first = new boolean[2000];
    boolean[] second = new boolean[2000];
    IntStream.range(0, 2000).forEach(i -> first[i] = faults.faultFor(GET_CM).isPresent());
    IntStream.range(0, 2000).forEach(i -> second[i] = other.faultFor(GET_CM).isPresent());
    assertThat(second).isEqualTo(first);
    long hits = IntStream.range(0, 2000).filter(i -> first[i]).count();
    assertThat(hits).isBetween(60L, 140L);
  }

  @Test
  void theFirstInjectedRuleThatTakesARequestWins() {
    faults.inject(FaultRule.answer(Fault.tooManyRequests(Duration.ofSeconds(1))).times(1));
    faults.inject(FaultRule.answer(Fault.internalError()));
    assertThat(faults.faultFor(GET_CM)).containsInstanceOf(Fault.TooManyRequests.class);
    assertThat(faults.faultFor(GET_CM)).containsInstanceOf(Fault.InternalError.class);
    faults.clear();
    assertThat(faults.faultFor(GET_CM)).isEmpty();
  }

  @Test
  void answersHaveKubeApiserversShapes() {
    FaultAnswer internal = FaultAnswer.of(new Fault.InternalError("etcd is away"));
    JsonNode status = Json.parse(internal.body());
    assertThat(internal.code()).isEqualTo(500);
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("status").asText()).isEqualTo("Failure");
    assertThat(status.path("reason").asText()).isEqualTo("InternalError");
    assertThat(status.path("message").asText()).isEqualTo("Internal error occurred: etcd is away");
    assertThat(status.path("details").path("causes").get(0).path("message").asText())
        .isEqualTo("etcd is away");
    assertThat(status.path("code").asInt()).isEqualTo(500);

    FaultAnswer filter = FaultAnswer.of(Fault.tooManyRequests(Duration.ofSeconds(2)));
    assertThat(filter.code()).isEqualTo(429);
    assertThat(filter.retryAfterSeconds()).isEqualTo(2);
    assertThat(filter.contentType()).startsWith("text/plain");
    assertThat(filter.body()).isEqualTo("Too many requests, please try again later.\n");

    FaultAnswer storage = FaultAnswer.of(Fault.tooManyRequestsStatus(Duration.ofSeconds(3)));
    JsonNode tooMany = Json.parse(storage.body());
    assertThat(storage.retryAfterSeconds()).isEqualTo(3);
    assertThat(tooMany.path("reason").asText()).isEqualTo("TooManyRequests");
    assertThat(tooMany.path("details").path("retryAfterSeconds").asInt()).isEqualTo(3);

    FaultAnswer hang = FaultAnswer.of(Fault.hang(Duration.ofMillis(300)));
    JsonNode timeout = Json.parse(hang.body());
    assertThat(hang.code()).isEqualTo(504);
    assertThat(hang.delay()).isEqualTo(Duration.ofMillis(300));
    assertThat(timeout.path("reason").asText()).isEqualTo("Timeout");
    assertThat(timeout.path("message").asText()).startsWith("Timeout: request did not complete");
  }

  @Test
  void badWindowsAreRefused() {
    FaultRule rule = FaultRule.answer(Fault.internalError());
    assertThatThrownBy(() -> rule.times(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule.withProbability(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.tooManyRequests(Duration.ofMillis(1500)))
        .hasMessageContaining("whole number of seconds");
  }
}
