package dev.cairn.testkit.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server-side apply oracle: {@code src/test/go/ssaoracle}, a Go program on Debian's {@code
 * golang-k8s-sigs-structured-merge-diff-dev} (the library kube-apiserver's field manager is built
 * on), built offline with the local Go toolchain into {@code target/ssa-oracle}. The library's
 * module and its dependencies come from Debian's Go source tree through {@code replace} directives;
 * the test-only modules its {@code go.mod} names (gofuzz, testify, go-spew, check.v1) are replaced
 * by empty modules, and modern-go/concurrent, which Debian ships without a {@code go.mod}, is
 * copied next to one. Nothing is downloaded ({@code GOPROXY=off}).
 */
final class SsaOracle {
  /** Where Debian's golang-*-dev packages install Go sources. */
  static final Path GOCODE = Path.of("/usr/share/gocode/src");

  private static final Path SOURCES = Path.of("src/test/go/ssaoracle");
  private static final String SMD = "sigs.k8s.io/structured-merge-diff";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> EMPTY_MODULES =
      Map.of(
          "github.com/google/gofuzz", "gofuzz",
          "github.com/stretchr/testify", "testify",
          "github.com/davecgh/go-spew", "go-spew",
          "gopkg.in/check.v1", "check");

  private final Path binary;
  private final Path schema;

  private SsaOracle(Path binary, Path schema) {
    this.binary = binary;
    this.schema = schema;
  }

  /** True when Go and the structured-merge-diff sources are installed. */
  static boolean available() {
    return onPath("go") && Files.isDirectory(GOCODE.resolve(SMD));
  }

  static SsaOracle build(Path target) throws IOException, InterruptedException {
    Path dir = target.resolve("ssa-oracle");
    Files.createDirectories(dir);
    Files.copy(SOURCES.resolve("main.go"), dir.resolve("main.go"), REPLACE);
    Files.writeString(dir.resolve("go.mod"), goMod());
    for (Map.Entry<String, String> e : EMPTY_MODULES.entrySet()) {
      Path module = Files.createDirectories(dir.resolve("empty").resolve(e.getValue()));
      Files.writeString(module.resolve("go.mod"), "module " + e.getKey() + "\n");
    }
    Path concurrent = Files.createDirectories(dir.resolve("local/concurrent"));
    try (Stream<Path> files = Files.list(GOCODE.resolve("github.com/modern-go/concurrent"))) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".go") && !name.endsWith("_test.go")) {
          Files.copy(file, concurrent.resolve(name), REPLACE);
        }
      }
    }
    Files.writeString(concurrent.resolve("go.mod"), "module github.com/modern-go/concurrent\n");
    ProcessBuilder go = new ProcessBuilder("go", "build", "-o", "ssaoracle", ".");
    go.directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = go.environment();
    env.put("GOFLAGS", "-mod=mod");
    env.put("GOPROXY", "off");
    env.put("GOSUMDB", "off");
    env.put("GOWORK", "off");
    env.put("GO111MODULE", "on");
    env.put("GOTOOLCHAIN", "local");
    env.put("GOCACHE", dir.resolve("cache").toAbsolutePath().toString());
    env.put("GOPATH", dir.resolve("gopath").toAbsolutePath().toString());
    String output = run(go, null, 300);
    Path binary = dir.resolve("ssaoracle");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("go build of the SSA oracle failed:\n" + output);
    }
    return new SsaOracle(binary, SOURCES.resolve("schema.yaml").toAbsolutePath());
  }

  private static String goMod() {
    String g = GOCODE.toString();
    StringBuilder mod =
        new StringBuilder("module cairn.dev/ssaoracle\n\ngo 1.19\n\n")
            .append("require sigs.k8s.io/structured-merge-diff/v4 v4.1.2\n\nreplace (\n");
    mod.append("\tsigs.k8s.io/structured-merge-diff/v4 => ").append(g).append('/').append(SMD);
    for (String module :
        List.of(
            "github.com/json-iterator/go", "github.com/modern-go/reflect2", "gopkg.in/yaml.v2")) {
      mod.append("\n\t").append(module).append(" => ").append(g).append('/').append(module);
    }
    mod.append("\n\tgithub.com/modern-go/concurrent => ./local/concurrent");
    EMPTY_MODULES.forEach(
        (module, dir) -> mod.append("\n\t").append(module).append(" => ./empty/").append(dir));
    return mod.append("\n)\n").toString();
  }

  /** Runs the cases; returns one result per case ({@code steps}, {@code object}, fields). */
  JsonNode run(JsonNode cases) throws IOException, InterruptedException {
    ProcessBuilder oracle = new ProcessBuilder(binary.toString(), schema.toString());
    String output = run(oracle, JSON.writeValueAsString(cases), 120);
    return JSON.readTree(output);
  }

  private static String run(ProcessBuilder builder, String stdin, int seconds)
      throws IOException, InterruptedException {
    if (stdin == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    }
    Process process = builder.start();
    if (stdin != null) {
      try (var in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("did not finish: " + builder.command());
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      throw new IllegalStateException(builder.command() + " failed: " + text + err);
    }
    return text;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(java.io.File.pathSeparator))
            .anyMatch(entry -> Files.isExecutable(Path.of(entry, program)));
  }

  private static final java.nio.file.CopyOption REPLACE =
      java.nio.file.StandardCopyOption.REPLACE_EXISTING;
}
