package dev.cairn.health;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the one object of {@code src/test/resources/health/<name>.yaml}. */
final class Fixtures {

  private Fixtures() {}

  static KubeObject load(String name) {
    String resource = "/health/" + name + ".yaml";
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<KubeObject> objects = YamlReader.defaults().readObjects(resource, text);
      if (objects.size() != 1) {
        throw new IllegalArgumentException(resource + " holds " + objects.size() + " objects");
      }
      return objects.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
