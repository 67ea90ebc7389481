package dev.cairn.architecture;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Measures every method with a body in a set of Java sources, parsed with the JDK's own compiler
 * (parse only: nothing is compiled or resolved). Uses only the exported {@code com.sun.source} API,
 * which needs no {@code --add-exports}.
 */
final class MethodLengths {
  private MethodLengths() {}

  /**
   * One method (or constructor, as {@code Class#Class}).
   *
   * @param file the source file, relative to the directory the caller measures from
   * @param line the line the method starts on (its first annotation or modifier)
   * @param name e.g. {@code dev.cairn.engine.helm.ReleaseStep#release}; nested classes are joined
   *     with {@code .}, anonymous ones are {@code <anonymous>}
   * @param lines from the method's first line to its closing brace, both included
   */
  record Method(String file, long line, String name, long lines) {
    @Override
    public String toString() {
      return file + ":" + line + " " + name + " (" + lines + " lines)";
    }
  }

  /** The {@code .java} files under {@code directory}, in a stable order. */
  static List<Path> javaFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  /**
   * Every method with a body in {@code files}.
   *
   * @param base what {@link Method#file()} is relative to
   * @throws IllegalStateException when a file does not parse
   */
  static List<Method> measure(Path base, List<Path> files) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(diagnostics, null, null)) {
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  null,
                  fileManager,
                  diagnostics,
                  List.of("-proc:none"),
                  null,
                  fileManager.getJavaFileObjectsFromPaths(files));
      Iterable<? extends CompilationUnitTree> units = task.parse();
      requireNoErrors(diagnostics);
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      List<Method> methods = new ArrayList<>();
      for (CompilationUnitTree unit : units) {
        String file = base.relativize(Path.of(unit.getSourceFile().toUri())).toString();
        new Scanner(unit, positions, file, methods).scan(unit, null);
      }
      return methods;
    }
  }

  private static void requireNoErrors(DiagnosticCollector<JavaFileObject> diagnostics) {
    List<String> errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + " " + d.getMessage(null))
            .toList();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("cannot parse:\n" + String.join("\n", errors));
    }
  }

  /** Walks one file, keeping the names of the classes it is in. */
  private static final class Scanner extends TreeScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final LineMap lineMap;
    private final String file;
    private final List<Method> methods;
    private final Deque<String> classes = new ArrayDeque<>();

    Scanner(
        CompilationUnitTree unit, SourcePositions positions, String file, List<Method> methods) {
      this.unit = unit;
      this.positions = positions;
      this.lineMap = unit.getLineMap();
      this.file = file;
      this.methods = methods;
      if (unit.getPackageName() != null) {
        classes.push(unit.getPackageName().toString());
      }
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      String simpleName = tree.getSimpleName().toString();
      classes.push(simpleName.isEmpty() ? "<anonymous>" : simpleName);
      try {
        return super.visitClass(tree, unused);
      } finally {
        classes.pop();
      }
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      if (tree.getBody() != null) {
        long first = lineMap.getLineNumber(positions.getStartPosition(unit, tree));
        long last = lineMap.getLineNumber(positions.getEndPosition(unit, tree));
        methods.add(new Method(file, first, qualifiedName(tree), last - first + 1));
      }
      return super.visitMethod(tree, unused);
    }

    private String qualifiedName(MethodTree tree) {
      List<String> outermostFirst = new ArrayList<>();
      classes.descendingIterator().forEachRemaining(outermostFirst::add);
      String name = tree.getName().toString();
      String method = name.equals("<init>") ? classes.peek() : name;
      return String.join(".", outermostFirst) + "#" + method;
    }
  }
}
