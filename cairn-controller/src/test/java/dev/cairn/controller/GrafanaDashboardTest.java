package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.source.GitRepositoryStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every Cairn series the Grafana dashboard in deploy/grafana queries is one the runtime serves. */
class GrafanaDashboardTest {
  private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "cairn-dashboard.json");
  private static final Pattern SERIES = Pattern.compile("cairn_[a-z_]+");

  @Test
  void dashboardQueriesOnlySeriesTheRuntimeServes() throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ReconcileMetrics(registry)
        .recordRun(
            "GitRepository",
            "apps",
            "repo",
            Duration.ofMillis(120),
            new GitRepositoryStatus(),
            false);
    String scrape = registry.scrape();
    Set<String> queried = new TreeSet<>();
    Matcher m = SERIES.matcher(Files.readString(DASHBOARD));
    while (m.find()) {
      queried.add(m.group());
    }
    assertThat(queried).isNotEmpty();
    assertThat(queried)
        .allSatisfy(series -> assertThat(scrape).as(series).containsPattern(series + "[{ ]"));
  }
}
