package dev.cairn.server.dashboard.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The static files under {@code /static/}: the dashboard's own CSS and JavaScript, and htmx from
 * its WebJar (the version read from the WebJar's Maven properties). Read once at start.
 */
final class StaticAssets {
  record Asset(String contentType, byte[] body) {}

  private static final String OWN = "/dev/cairn/server/dashboard/static/";
  private static final String HTMX = "META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

  private final Map<String, Asset> assets;

  StaticAssets() {
    assets =
        Map.of(
            "cairn.css", new Asset("text/css; charset=utf-8", read(OWN + "cairn.css")),
            "cairn.js", new Asset("text/javascript; charset=utf-8", read(OWN + "cairn.js")),
            "htmx.min.js", new Asset("text/javascript; charset=utf-8", read(htmxPath())));
  }

  Optional<Asset> find(String name) {
    return Optional.ofNullable(assets.get(name));
  }

  private static String htmxPath() {
    Properties properties = new Properties();
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(HTMX)) {
      if (in == null) {
        throw new IllegalStateException("the htmx WebJar is not on the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "/META-INF/resources/webjars/htmx.org/"
        + properties.getProperty("version")
        + "/dist/htmx.min.js";
  }

  private static byte[] read(String path) {
    try (InputStream in = StaticAssets.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing dashboard resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
