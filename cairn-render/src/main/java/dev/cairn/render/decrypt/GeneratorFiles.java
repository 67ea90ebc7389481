package dev.cairn.render.decrypt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlDocument;
import dev.cairn.manifest.YamlReader;
import dev.cairn.render.RenderException;
import dev.cairn.render.RenderException.Reason;
import dev.cairn.render.tree.KustomizationFiles;
import dev.cairn.secrets.sops.SopsDecryptor;
import dev.cairn.secrets.sops.SopsException;
import dev.cairn.secrets.sops.SopsFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decrypts, in a working copy, the SOPS-encrypted files that {@code secretGenerator} entries read
 * ({@code files}, {@code envs}, {@code env}), before Kustomize reads them; so the MAC is checked on
 * the file as SOPS wrote it. Files that are not encrypted are left alone.
 */
final class GeneratorFiles {
  private GeneratorFiles() {}

  static void decrypt(Path root, SopsDecryptor decryptor) {
    for (Path kustomization : kustomizationFiles(root)) {
      for (Path file : generatorFiles(root, kustomization)) {
        decryptFile(root, file, decryptor);
      }
    }
  }

  private static List<Path> kustomizationFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> KustomizationFiles.NAMES.contains(p.getFileName().toString()))
          .filter(Files::isRegularFile)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> generatorFiles(Path root, Path kustomization) {
    List<Path> out = new ArrayList<>();
    String text;
    try {
      text = Files.readString(kustomization, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<YamlDocument> documents;
    try {
      documents = YamlReader.defaults().readAll(root.relativize(kustomization).toString(), text);
    } catch (ManifestException e) {
      return out; // Kustomize reports a broken kustomization file with its own message
    }
    Path dir = kustomization.getParent();
    for (YamlDocument document : documents) {
      for (JsonNode generator : document.content().path("secretGenerator")) {
        for (String field : List.of("files", "envs")) {
          generator.path(field).forEach(entry -> add(out, root, dir, entry.asText()));
        }
        if (generator.hasNonNull("env")) {
          add(out, root, dir, generator.get("env").asText());
        }
      }
    }
    return out;
  }

  private static void add(List<Path> out, Path root, Path dir, String entry) {
    int equals = entry.indexOf('=');
    String relative = equals < 0 ? entry : entry.substring(equals + 1);
    Path file = dir.resolve(relative).normalize();
    if (file.startsWith(root) && Files.isRegularFile(file)) {
      out.add(file);
    }
  }

  private static void decryptFile(Path root, Path file, SopsDecryptor decryptor) {
    String name = root.relativize(file).toString().replace('\\', '/');
    try {
      byte[] content = Files.readAllBytes(file);
      SopsFormat format = SopsFormat.forPath(name);
      if (!format.isEncrypted(content)) {
        return;
      }
      Files.write(file, decryptor.decrypt(name, content, format).bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SopsException e) {
      throw new RenderException(
          Reason.DECRYPTION_FAILED, "decryption failed for " + name + ": " + e.getMessage());
    }
  }
}
