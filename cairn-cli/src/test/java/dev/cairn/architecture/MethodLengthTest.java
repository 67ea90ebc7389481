package dev.cairn.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.architecture.MethodLengths.Method;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The house budget of 60 lines per method, checked on the main sources of the modules in {@link
 * #MODULES}, read from the working tree. Add a module once its methods fit.
 */
class MethodLengthTest {
  static final int BUDGET = 60;

  static final List<String> MODULES =
      List.of("cairn-source", "cairn-apply", "cairn-engine", "cairn-image");

  /**
   * Methods allowed over the budget for now, as {@code package.Class#method}. Each entry is a debt
   * with an owner: the test fails once the method is gone or short, so delete the entry then.
   */
  static final List<String> ALLOWED = List.of();

  static Path root;
  static List<Method> methods;

  @BeforeAll
  static void measureTheModules() throws IOException {
    root = repositoryRoot();
    List<Path> files = new ArrayList<>();
    for (String module : MODULES) {
      files.addAll(MethodLengths.javaFiles(root.resolve(module).resolve("src/main/java")));
    }
    methods = MethodLengths.measure(root, files);
  }

  /** The nearest directory up from the working directory that holds {@code mvnw}. */
  static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no directory holding mvnw above " + start);
  }

  @Test
  void everyModuleInScopeIsMeasured() {
    Map<String, Long> perModule =
        methods.stream()
            .collect(
                Collectors.groupingBy(
                    m -> Path.of(m.file()).getName(0).toString(), Collectors.counting()));
    assertThat(perModule.keySet()).containsExactlyInAnyOrderElementsOf(MODULES);
  }

  @Test
  void noMethodIsLongerThanTheBudget() {
    List<String> tooLong =
        methods.stream()
            .filter(m -> m.lines() > BUDGET && !ALLOWED.contains(m.name()))
            .map(Method::toString)
            .toList();
    assertThat(tooLong)
        .as(
            "methods over %d lines (split them into named steps or value types; %s)",
            BUDGET, "line counts run from the first annotation or modifier to the closing brace")
        .isEmpty();
  }

  @Test
  void everyAllowedMethodStillExistsAndIsStillLong() {
    List<String> stale = new ArrayList<>();
    for (String allowed : ALLOWED) {
      List<Method> named = methods.stream().filter(m -> m.name().equals(allowed)).toList();
      if (named.isEmpty()) {
        stale.add(allowed + ": no such method any more, delete the entry");
      } else if (named.stream().allMatch(m -> m.lines() <= BUDGET)) {
        stale.add(allowed + ": now within " + BUDGET + " lines, delete the entry");
      }
    }
    assertThat(stale).as("stale entries of MethodLengthTest.ALLOWED").isEmpty();
  }

  @Test
  void measuresFromTheFirstModifierToTheClosingBrace(@TempDir Path temp) throws IOException {
    Path file = temp.resolve("Sample.java");
    Files.writeString(
        file,
        """
        package sample;

        class Sample {
          Sample() {}

          /** Not counted. */
          @Override
          public String toString() {
            return "sample";
          }

          abstract static class Inner {
            abstract void bodiless();

            Runnable task() {
              return new Runnable() {
                public void run() {
                }
              };
            }
          }
        }
        """);

    assertThat(MethodLengths.measure(temp, List.of(file)))
        .extracting(Method::name, Method::line, Method::lines)
        .containsExactly(
            tuple("sample.Sample#Sample", 4L, 1L),
            tuple("sample.Sample#toString", 7L, 4L),
            tuple("sample.Sample.Inner#task", 15L, 6L),
            tuple("sample.Sample.Inner.<anonymous>#run", 17L, 2L));
  }
}
