package dev.cairn.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.manifest.YamlWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * YAML or JSON output. One value prints as one document; several print as a YAML stream or a JSON
 * array, so the output can be piped into {@code jq}/{@code yq} as it is.
 */
public final class StructuredPrinter implements Printer {

  /** The two machine-readable styles. */
  public enum Style {
    YAML,
    JSON
  }

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Style style;

  public StructuredPrinter(Style style) {
    this.style = style;
  }

  @Override
  public <T> void print(
      PrintWriter out, List<String> headers, List<T> rows, Function<T, List<String>> cells) {
    JsonNode tree = rows.size() == 1 ? MAPPER.valueToTree(rows.get(0)) : MAPPER.valueToTree(rows);
    if (style == Style.JSON) {
      out.println(tree.toPrettyString());
    } else if (tree.isArray()) {
      List<JsonNode> docs = new ArrayList<>();
      tree.forEach(docs::add);
      out.print(YamlWriter.writeAll(docs));
    } else {
      out.print(YamlWriter.write(tree));
    }
    out.flush();
  }
}
