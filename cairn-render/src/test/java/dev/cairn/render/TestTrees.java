package dev.cairn.render;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.manifest.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test trees and reads Kustomization specs written as YAML. */
public final class TestTrees {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private TestTrees() {}

  /** Writes {@code files} (path, content, path, content, ...) under {@code root}. */
  public static Path write(Path root, String... files) {
    try {
      for (int i = 0; i < files.length; i += 2) {
        Path file = root.resolve(files[i]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, files[i + 1]);
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A spec from the YAML of its fields; interval, prune and sourceRef are filled in. */
  public static KustomizationSpec spec(String yaml) {
    String full =
        "interval: 5m\nprune: true\nsourceRef:\n  kind: GitRepository\n  name: repo\n" + yaml;
    try {
      return MAPPER.treeToValue(
          YamlReader.defaults().readAll("spec", full).get(0).content(), KustomizationSpec.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String configMap(String name, String extra) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n" + extra;
  }
}
