package dev.cairn.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the image tar that {@code jib:buildTar} wrote in this build: who it runs as, what it runs,
 * which ports and labels it declares, what its layers hold and that nothing but the declared
 * volumes is writable by its user; then runs the image's own Java runtime, unpacked, through the
 * image's own dynamic loader and C library.
 */
class ContainerImageIT {
  private static final String UID = "65532";
  private static final Set<String> VOLUMES = Set.of("/tmp", "/data");

  @TempDir static Path unpacked;
  private static ImageTar image;
  private static JsonNode config;
  private static Map<String, ImageTar.Entry> entries;

  @BeforeAll
  static void read() {
    image = ImageTar.read(Path.of(System.getProperty("image.tar", "target/cairn-image.tar")));
    config = image.config().get("config");
    entries = image.entries();
  }

  @Test
  void runsCairnControllerAsAFixedNonRootUser() {
    assertThat(image.config().get("architecture").asText()).isEqualTo("amd64");
    assertThat(image.config().get("os").asText()).isEqualTo("linux");
    assertThat(config.get("User").asText()).isEqualTo(UID + ":" + UID);
    List<String> entrypoint = strings(config.get("Entrypoint"));
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint)
        .contains("-XX:-UsePerfData", "-Djava.io.tmpdir=/tmp", "-Djna.tmpdir=/tmp")
        .endsWith("dev.cairn.cli.Main");
    assertThat(strings(config.get("Cmd"))).containsExactly("controller");
    assertThat(strings(config.get("Env")))
        .contains("HOME=/tmp")
        .anyMatch(e -> e.startsWith("PATH=/opt/java/bin:"));
    assertThat(config.get("WorkingDir").asText()).isEqualTo("/data");
    assertThat(fieldNames(config.get("ExposedPorts")))
        .containsExactlyInAnyOrder("8080/tcp", "9292/tcp");
    StringBuilder passwd = new StringBuilder();
    image.visitLayers(
        (entry, content) -> {
          if (entry.path().equals("/etc/passwd")) {
            passwd.append(new String(content.readAllBytes(), StandardCharsets.UTF_8));
          }
        });
    assertThat(passwd.toString()).contains("cairn:x:" + UID + ":" + UID + ":");
  }

  @Test
  void labelsCarryTheVersionAndTheCommit() {
    JsonNode labels = config.get("Labels");
    assertThat(labels.get("org.opencontainers.image.version").asText())
        .isEqualTo(System.getProperty("image.version"));
    assertThat(labels.get("org.opencontainers.image.revision").asText())
        .isEqualTo(gitHead())
        .matches("[0-9a-f]{40}");
  }

  @Test
  void layersHoldTheRuntimeTheLoaderTheAppAndHelmsNativeLibrary() {
    assertThat(entries.get("/opt/java/bin/java")).isNotNull().matches(ImageTar.Entry::executable);
    assertThat(entries.get("/opt/java/lib/server/libjvm.so")).isNotNull();
    assertThat(entries.get("/lib64/ld-linux-x86-64.so.2"))
        .isNotNull()
        .matches(ImageTar.Entry::executable);
    assertThat(entries)
        .containsKeys("/lib/x86_64-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6");
    assertThat(entries.keySet())
        .contains("/app/libs/cairn.jar")
        .anyMatch(p -> p.matches("/app/libs/cairn-engine-.*\\.jar"))
        .noneMatch(p -> p.matches("/app/libs/(darwin|windows|linux-arm64).*\\.jar"));

    List<String> helmLibraries = new ArrayList<>();
    image.visitLayers(
        (entry, content) -> {
          if (entry.path().matches("/app/libs/.*\\.jar")) {
            helmLibraries.addAll(sharedLibraries(entry.path(), content));
          }
        });
    assertThat(helmLibraries)
        .contains(
            "/app/libs/linux-amd64-"
                + System.getProperty("helm-java.version")
                + ".jar!helm-linux-amd64.so")
        .allMatch(l -> !l.contains("helm-") || l.endsWith("helm-linux-amd64.so"));
  }

  /**
   * Every library {@code ./cairn} runs with (cairn-cli's {@code target/lib}) is in the image: a
   * dependency scoped differently here would silently leave one out.
   */
  @Test
  void theImageHoldsEveryLibraryOfTheCommandLine() throws IOException {
    Set<String> cli = new TreeSet<>();
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("cli.libraries")))) {
      jars.forEach(jar -> cli.add("/app/libs/" + jar.getFileName()));
    }
    assertThat(cli).hasSizeGreaterThan(50);
    assertThat(entries.keySet()).containsAll(cli);
  }

  @Test
  void onlyTheDeclaredVolumesAreWritableByTheImagesUser() {
    assertThat(fieldNames(config.get("Volumes"))).containsExactlyInAnyOrderElementsOf(VOLUMES);
    Set<String> writable = new TreeSet<>();
    for (ImageTar.Entry entry : entries.values()) {
      boolean owned = entry.uid() != 0 || entry.gid() != 0;
      boolean othersWrite = !entry.symlink() && (entry.mode() & 0022) != 0;
      if (owned || othersWrite) {
        writable.add(entry.path());
      }
    }
    assertThat(writable)
        .isNotEmpty()
        .allMatch(p -> VOLUMES.stream().anyMatch(v -> p.equals(v) || p.startsWith(v + "/")));
    assertThat(entries.get("/tmp").mode()).isEqualTo(01777);
    assertThat(entries.get("/data").uid()).isEqualTo(Long.parseLong(UID));
  }

  @Test
  void theImagesJavaRunsCairnThroughTheImagesLoader() throws Exception {
    Path root = unpacked.resolve("rootfs");
    LayerUnpacker.unpack(image, root);
    List<String> command = new ArrayList<>();
    command.add(root.resolve("lib64/ld-linux-x86-64.so.2").toString());
    command.add("--library-path");
    command.add(root.resolve("lib/x86_64-linux-gnu").toString());
    command.add(root.resolve("opt/java/bin/java").toString());
    List<String> entrypoint = strings(config.get("Entrypoint"));
    for (String argument : entrypoint.subList(1, entrypoint.size())) {
      command.add(argument.startsWith("@") ? rootedArgumentFile(root, argument) : argument);
    }
    command.add("version");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains(System.getProperty("image.version")).contains("Linux/amd64");
  }

  /** A copy of the image's {@code @file} of java arguments with its /app paths under root. */
  private static String rootedArgumentFile(Path root, String argument) throws IOException {
    Path file = root.resolve(argument.substring(2));
    String rooted = Files.readString(file).replace("/app/", root.resolve("app") + "/");
    return "@" + Files.writeString(unpacked.resolve(file.getFileName()), rooted);
  }

  private static List<String> sharedLibraries(String jar, InputStream content) throws IOException {
    List<String> found = new ArrayList<>();
    ZipInputStream zip = new ZipInputStream(content);
    ZipEntry entry;
    while ((entry = zip.getNextEntry()) != null) {
      if (entry.getName().endsWith(".so") && entry.getName().contains("helm")) {
        found.add(jar + "!" + entry.getName());
      }
    }
    return found;
  }

  private static String gitHead() {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(git.exitValue()).as(out).isZero();
      return out;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("cannot run git rev-parse HEAD", e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
