package dev.cairn.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertRuleTest {
  private static final Duration LIMIT = Duration.ofMillis(200);

  private static AlertRule rule(
      String severity, List<SourceSelector> sources, List<String> in, List<String> out) {
    return new AlertRule(
        "apps",
        "alert",
        "slack",
        severity,
        sources,
        in.stream().map(BoundedRegex::compile).toList(),
        out.stream().map(BoundedRegex::compile).toList(),
        Map.of("cluster", "prod"),
        "Production",
        false);
  }

  private static SourceSelector source(String kind, String name) {
    return new SourceSelector(kind, name, "apps", Map.of());
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "web, web, true",
    "web, webs, false",
    "*, anything, true",
    "app-*, app-web, true",
    "app-*, web-app, false",
    "*-db, orders-db, true",
    "a*c, abbbc, true",
    "a.c, abc, false"
  })
  void namesMatchWithWildcards(String pattern, String name, boolean expected) {
    assertThat(source("Kustomization", pattern).nameMatches(name)).isEqualTo(expected);
  }

  @Test
  void kindNamespaceAndLabelsMustMatch() {
    AlertRule labelled =
        rule(
            "info",
            List.of(new SourceSelector("Kustomization", "*", "apps", Map.of("team", "a"))),
            List.of(),
            List.of());
    NotifyEvent teamA =
        Events.of("Kustomization", "web", Map.of("team", "a"), "info", "R", "m", null);
    NotifyEvent teamB =
        Events.of("Kustomization", "web", Map.of("team", "b"), "info", "R", "m", null);
    NotifyEvent otherKind =
        Events.of("HelmRelease", "web", Map.of("team", "a"), "info", "R", "m", null);

    assertThat(labelled.matches(teamA, LIMIT)).isTrue();
    assertThat(labelled.matches(teamB, LIMIT)).isFalse();
    assertThat(labelled.matches(otherKind, LIMIT)).isFalse();
    SourceSelector elsewhere = new SourceSelector("Kustomization", "*", "other", Map.of());
    assertThat(elsewhere.matches(teamA.object())).isFalse();
    SourceSelector cairnVersion =
        new SourceSelector("Kustomization", "web", "apps", Map.of(), Set.of("cairn.dev/v1"));
    SourceSelector otherVersion =
        new SourceSelector("Kustomization", "web", "apps", Map.of(), Set.of("example.com/v9"));
    assertThat(cairnVersion.matches(teamA.object())).isTrue();
    assertThat(otherVersion.matches(teamA.object())).isFalse();
  }

  @Test
  void severityErrorSendsOnlyErrorsAndInfoSendsAll() {
    List<SourceSelector> all = List.of(source("Kustomization", "*"));
    NotifyEvent info = Events.of("Kustomization", "web", "info", "ReconciliationSucceeded", "ok");
    NotifyEvent error = Events.of("Kustomization", "web", "error", "BuildFailed", "broken");

    assertThat(rule("error", all, List.of(), List.of()).matches(info, LIMIT)).isFalse();
    assertThat(rule("error", all, List.of(), List.of()).matches(error, LIMIT)).isTrue();
    assertThat(rule("info", all, List.of(), List.of()).matches(info, LIMIT)).isTrue();
    assertThat(rule("info", all, List.of(), List.of()).matches(error, LIMIT)).isTrue();
  }

  @Test
  void inclusionAndExclusionListsFilterOnTheMessage() {
    List<SourceSelector> all = List.of(source("Kustomization", "*"));
    AlertRule rule = rule("info", all, List.of(".*created.*"), List.of("^Deployment/.*kube-"));
    assertThat(
            rule.matches(Events.of("Kustomization", "a", "info", "R", "Service/x created"), LIMIT))
        .isTrue();
    assertThat(
            rule.matches(
                Events.of("Kustomization", "a", "info", "R", "Service/x configured"), LIMIT))
        .isFalse();
    assertThat(
            rule.matches(
                Events.of("Kustomization", "a", "info", "R", "Deployment/kube-dns created"), LIMIT))
        .isFalse();
  }

  @Test
  void aPathologicalExpressionGivesUpInsteadOfStallingThePipeline() {
    // catastrophic backtracking in java.util.regex: years on this input without a limit
    BoundedRegex evil = BoundedRegex.compile("(.*a){12}b");
    String input = "a".repeat(48);

    assertThatThrownBy(() -> evil.find(input, Duration.ofMillis(50)))
        .isInstanceOf(BoundedRegex.TimedOut.class)
        .hasMessageContaining("(.*a){12}b");
    AlertRule rule =
        rule("info", List.of(source("Kustomization", "*")), List.of("(.*a){12}b"), List.of());
    assertThat(rule.matches(Events.of("Kustomization", "a", "info", "R", input), LIMIT)).isFalse();
  }

  @Test
  void anInvalidExpressionIsNamed() {
    assertThatThrownBy(() -> BoundedRegex.compile("(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'(unclosed'");
  }

  @Test
  void theNotificationCarriesEventMetadataAndSummaryWithoutOverridingTheEvent() {
    AlertRule rule =
        new AlertRule(
            "apps",
            "alert",
            "slack",
            "info",
            List.of(source("Kustomization", "*")),
            List.of(),
            List.of(),
            Map.of("cluster", "prod", "revision", "not-this"),
            "Production",
            false);
    NotifyEvent event =
        Events.of("Kustomization", "web", Map.of(), "info", "R", "m", "main@sha1:abc");

    assertThat(rule.notification(event).metadata())
        .containsEntry("cluster", "prod")
        .containsEntry("summary", "Production")
        .containsEntry("revision", "main@sha1:abc");
  }
}
