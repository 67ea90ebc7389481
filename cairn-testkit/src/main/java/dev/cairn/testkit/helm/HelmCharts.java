package dev.cairn.testkit.helm;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates and packages Helm charts with helm-java (Helm's own code, loaded natively). */
public final class HelmCharts {
  private HelmCharts() {}

  /** {@code helm create <name>} under {@code parent}, then sets the chart version. */
  public static Path create(Path parent, String name, String version) {
    try {
      Files.createDirectories(parent);
      Helm.create().withName(name).withDir(parent).call();
      Path chart = parent.resolve(name);
      Path chartYaml = chart.resolve("Chart.yaml");
      String text = Files.readString(chartYaml, StandardCharsets.UTF_8);
      Files.writeString(
          chartYaml,
          text.replaceFirst("(?m)^version: .*$", "version: " + version),
          StandardCharsets.UTF_8);
      return chart;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create chart " + name, e);
    }
  }

  /** {@code helm package}; returns the {@code <name>-<version>.tgz} written to destination. */
  public static Path packageChart(
      Path chartDirectory, Path destination, String name, String version) {
    try {
      Files.createDirectories(destination);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    new Helm(chartDirectory).packageIt().withDestination(destination).call();
    Path packaged = destination.resolve(name + "-" + version + ".tgz");
    if (!Files.isRegularFile(packaged)) {
      throw new IllegalStateException("helm package did not write " + packaged.getFileName());
    }
    return packaged;
  }

  /** {@code helm push <package> <oci url> --plain-http}; returns Helm's output. */
  public static String pushPlainHttp(Path packaged, String ociUrl) {
    return Helm.push()
        .withChart(packaged)
        .withRemote(java.net.URI.create(ociUrl))
        .plainHttp()
        .call();
  }

  /**
   * Pushes a packaged chart over HTTPS to a registry that demands a client certificate: {@code tls}
   * holds {@code ca.crt}, {@code tls.crt} and {@code tls.key} (PEM files).
   */
  public static String pushMutualTls(Path packaged, String ociUrl, Path tls) {
    return Helm.push()
        .withChart(packaged)
        .withRemote(java.net.URI.create(ociUrl))
        .withCaFile(tls.resolve("ca.crt"))
        .withCertFile(tls.resolve("tls.crt"))
        .withKeyFile(tls.resolve("tls.key"))
        .call();
  }
}
