package dev.cairn.health;

import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles CEL health expressions once and caches the programs by their text; thread-safe. The
 * object is bound as {@code self} and, for expressions written for Flux, its top-level fields are
 * bound by name too ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}, {@code
 * status}).
 */
final class ExpressionCompiler {

  /** Variables every expression may use. */
  static final List<String> VARIABLES =
      List.of("self", "apiVersion", "kind", "metadata", "spec", "status");

  /** Beyond this many distinct expressions the cache starts over, so it cannot grow forever. */
  private static final int MAX_CACHED = 2_000;

  private static final ExpressionCompiler SHARED = new ExpressionCompiler();

  private final CelCompiler compiler;
  private final CelRuntime runtime;
  private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  ExpressionCompiler() {
    CelOptions options = CelOptions.current().enableOptionalSyntax(true).build();
    var builder =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(CelExtensions.optional(), CelExtensions.strings())
            .setResultType(SimpleType.BOOL);
    VARIABLES.forEach(name -> builder.addVar(name, SimpleType.DYN));
    this.compiler = builder.build();
    this.runtime =
        CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(options)
            .addLibraries(CelExtensions.optional(), CelExtensions.strings())
            .build();
  }

  static ExpressionCompiler shared() {
    return SHARED;
  }

  /**
   * The program for an expression, compiled on first use.
   *
   * @param what names the expression in error messages, e.g. {@code current of apps/v1 Foo}
   * @throws HealthExpressionException when the expression does not compile
   */
  CelRuntime.Program compile(String expression, String what) {
    CelRuntime.Program cached = programs.get(expression);
    if (cached != null) {
      return cached;
    }
    CelRuntime.Program program = compileUncached(expression, what);
    if (programs.size() >= MAX_CACHED) {
      programs.clear();
    }
    CelRuntime.Program raced = programs.putIfAbsent(expression, program);
    return raced == null ? program : raced;
  }

  int cachedCount() {
    return programs.size();
  }

  private CelRuntime.Program compileUncached(String expression, String what) {
    try {
      return runtime.createProgram(compiler.compile(expression).getAst());
    } catch (CelValidationException e) {
      List<CelIssue> errors = e.getErrors();
      int line = 0;
      int column = 0;
      StringBuilder detail = new StringBuilder();
      for (CelIssue issue : errors) {
        int issueLine = issue.getSourceLocation().getLine();
        int issueColumn = issue.getSourceLocation().getColumn() + 1;
        if (line == 0) {
          line = issueLine;
          column = issueColumn;
        }
        if (detail.length() > 0) {
          detail.append("; ");
        }
        detail.append(issueLine).append(':').append(issueColumn).append(": ");
        detail.append(issue.getMessage());
      }
      throw new HealthExpressionException(
          "invalid CEL expression for "
              + what
              + " at "
              + detail
              + " in expression \""
              + expression
              + "\"",
          expression,
          line,
          column);
    } catch (RuntimeException | CelEvaluationException e) {
      throw new HealthExpressionException(
          "cannot prepare CEL expression for "
              + what
              + ": "
              + e.getMessage()
              + " in expression \""
              + expression
              + "\"",
          expression,
          0,
          0);
    }
  }
}
