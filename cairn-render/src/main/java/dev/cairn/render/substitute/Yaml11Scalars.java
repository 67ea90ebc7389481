package dev.cairn.render.substitute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Flux reads substituted text back with YAML 1.1 rules (go-yaml v2), where Cairn's reader follows
 * kustomize (go-yaml v3). Two differences can show up in substituted values, and this step makes
 * them come out as in Flux: a plain {@code yes}/{@code no}/{@code on}/{@code off}/{@code y}/{@code
 * n} (any of go-yaml v2's spellings) is a boolean, and a plain timestamp keeps its text ({@code
 * 2024-01-01}, not {@code 2024-01-01T00:00:00Z}).
 *
 * <p>Only plain scalars are touched; quoted ones were strings in both. Strings holding these words
 * in the rendered object were written quoted before substitution, so only substituted values can be
 * plain here. Keys are left alone.
 */
final class Yaml11Scalars {
  private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON");
  private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "off", "Off", "OFF");
  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setCodePointLimit(Integer.MAX_VALUE)
          .setMaxAliasesForCollections(Integer.MAX_VALUE)
          .build();

  private Yaml11Scalars() {}

  /** Adjusts {@code tree}, read from {@code text} by Cairn's reader, to YAML 1.1 values. */
  static void apply(String text, JsonNode tree) {
    Optional<Node> root;
    try {
      root = new Compose(SETTINGS).composeString(text);
    } catch (YamlEngineException e) {
      return; // the reader accepted the text; leave its reading as it is
    }
    root.ifPresent(node -> walk(node, tree));
  }

  private static void walk(Node yaml, JsonNode json) {
    if (yaml instanceof MappingNode map && json instanceof ObjectNode object) {
      for (NodeTuple tuple : map.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          continue;
        }
        JsonNode child = object.get(key.getValue());
        Node value = tuple.getValueNode();
        if (child == null) {
          continue;
        }
        replacement(value, child)
            .ifPresentOrElse(r -> object.set(key.getValue(), r), () -> walk(value, child));
      }
    } else if (yaml instanceof SequenceNode seq && json instanceof ArrayNode array) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size() && i < array.size(); i++) {
        Node item = items.get(i);
        JsonNode child = array.get(i);
        int index = i;
        replacement(item, child).ifPresentOrElse(r -> array.set(index, r), () -> walk(item, child));
      }
    }
  }

  private static Optional<JsonNode> replacement(Node yaml, JsonNode json) {
    if (!(yaml instanceof ScalarNode scalar)
        || scalar.getScalarStyle() != ScalarStyle.PLAIN
        || !json.isTextual()) {
      return Optional.empty();
    }
    String raw = scalar.getValue();
    if (TRUE.contains(raw)) {
      return Optional.of(BooleanNode.TRUE);
    }
    if (FALSE.contains(raw)) {
      return Optional.of(BooleanNode.FALSE);
    }
    if (!raw.equals(json.asText()) && !raw.isEmpty() && Character.isDigit(raw.charAt(0))) {
      return Optional.of(TextNode.valueOf(raw)); // a timestamp the reader rewrote
    }
    return Optional.empty();
  }
}
