package dev.cairn.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads multi-document YAML into Jackson trees, typed the way kustomize types them, keeping the
 * file and line of every document and refusing hostile input (alias bombs, huge documents, deep
 * nesting) with an error that names both. Immutable and thread-safe.
 */
public final class YamlReader {

  private static final YamlReader DEFAULTS = new YamlReader(ReadLimits.defaults(), false);

  private final ReadLimits limits;
  private final boolean lastKeyWins;
  private final LoadSettings settings;

  private YamlReader(ReadLimits limits, boolean lastKeyWins) {
    this.limits = limits;
    this.lastKeyWins = lastKeyWins;
    this.settings =
        LoadSettings.builder()
            .setCodePointLimit(Integer.MAX_VALUE)
            .setMaxAliasesForCollections(Integer.MAX_VALUE)
            .setParseComments(false)
            .build();
  }

  public static YamlReader defaults() {
    return DEFAULTS;
  }

  public YamlReader withLimits(ReadLimits limits) {
    return new YamlReader(limits, lastKeyWins);
  }

  /**
   * A reader that accepts a key repeated in one mapping, keeping the last value (at the first key's
   * place), as kustomize reads a kustomization file. The default refuses repeated keys.
   */
  public YamlReader withDuplicateKeysLastWins() {
    return new YamlReader(limits, true);
  }

  public ReadLimits limits() {
    return limits;
  }

  /** Every non-empty document of {@code text}; {@code sourceName} is used in errors and origins. */
  public List<YamlDocument> readAll(String sourceName, String text) {
    List<YamlDocument> documents = new ArrayList<>();
    ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
    TreeBuilder builder = new TreeBuilder(sourceName, limits, lastKeyWins);
    try {
      while (parser.hasNext()) {
        YamlDocument document = builder.accept(parser.next());
        if (document != null && !document.content().isNull()) {
          documents.add(document);
        }
      }
    } catch (MarkedYamlEngineException e) {
      Origin at = origin(sourceName, errorMark(e));
      int lastLine = lastLine(text);
      if (at.line() > lastLine) {
        at = new Origin(sourceName, lastLine);
      }
      throw new ManifestException(at, describe(e), e);
    } catch (YamlEngineException e) {
      throw new ManifestException(new Origin(sourceName, 0), "invalid YAML: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new ManifestException(new Origin(sourceName, 0), "YAML nested too deeply");
    }
    return documents;
  }

  /**
   * Every non-empty document of {@code text} as a Kubernetes object. Each must be a mapping; List
   * kinds are returned as they are, not expanded.
   */
  public List<KubeObject> readObjects(String sourceName, String text) {
    List<KubeObject> objects = new ArrayList<>();
    for (YamlDocument document : readAll(sourceName, text)) {
      JsonNode content = document.content();
      if (!content.isObject()) {
        throw new ManifestException(
            document.origin(),
            "expected a Kubernetes object (a YAML mapping), found "
                + TreeBuilder.describe(content));
      }
      objects.add(KubeObject.of((ObjectNode) content, document.origin()));
    }
    return objects;
  }

  static Origin origin(String sourceName, Optional<Mark> mark) {
    return new Origin(sourceName, mark.map(m -> m.getLine() + 1).orElse(0));
  }

  /**
   * The problem's place, except when the problem is the end of the input (an unclosed quote or
   * bracket): then the place where the unclosed construct began says more.
   */
  private static Optional<Mark> errorMark(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    boolean atEnd = problem.contains("end of stream") || problem.contains("<stream end>");
    return atEnd && e.getContextMark().isPresent() ? e.getContextMark() : e.getProblemMark();
  }

  /** The number of the last line that holds text; errors at the very end point there. */
  private static int lastLine(String text) {
    int lines = 1;
    for (int i = 0; i < text.length() - 1; i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static String describe(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String text = context.isEmpty() ? problem : context + ": " + problem;
    return "invalid YAML: " + text.replace('\n', ' ').strip();
  }
}
