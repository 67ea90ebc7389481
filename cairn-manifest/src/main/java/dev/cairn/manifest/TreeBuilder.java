package dev.cairn.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Builds Jackson trees from parser events with an explicit stack (no recursion, so nesting depth is
 * a checked limit rather than a stack overflow), expanding aliases within a budget and merging
 * {@code <<} keys.
 */
final class TreeBuilder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MERGE_KEY = "<<";

  private final String sourceName;
  private final ReadLimits limits;
  private final boolean lastKeyWins;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private JsonNode root;
  private int documentStart;
  private int firstContentLine;
  private int documentLine;
  private int aliases;
  private long expandedNodes;

  TreeBuilder(String sourceName, ReadLimits limits, boolean lastKeyWins) {
    this.sourceName = sourceName;
    this.limits = limits;
    this.lastKeyWins = lastKeyWins;
  }

  /** A collection being built, with the key waiting for its value when it is a mapping. */
  private static final class Frame {
    final JsonNode node;
    final String anchor;
    final int line;
    String pendingKey;
    int pendingKeyLine;
    Map<String, Integer> keyLines;
    List<JsonNode> merges;
    int mergeLine;
    boolean dropPendingValue;

    Frame(JsonNode node, String anchor, int line) {
      this.node = node;
      this.anchor = anchor;
      this.line = line;
    }
  }

  /** Feeds one event; returns a finished document at a document end, else null. */
  YamlDocument accept(Event event) {
    checkSize(event);
    switch (event.getEventId()) {
      case DocumentStart -> {
        root = null;
        anchors.clear();
        aliases = 0;
        expandedNodes = 0;
        documentStart = event.getStartMark().map(Mark::getIndex).orElse(0);
        firstContentLine = 0;
        documentLine = 0;
      }
      case DocumentEnd -> {
        JsonNode content = root == null ? NODES.nullNode() : root;
        return new YamlDocument(content, new Origin(sourceName, documentLine));
      }
      case Scalar -> addValue(scalar((ScalarEvent) event), event, anchorOf(event));
      case Alias -> addValue(alias((AliasEvent) event), event, null);
      case MappingStart -> push(NODES.objectNode(), event);
      case SequenceStart -> push(NODES.arrayNode(), event);
      case MappingEnd, SequenceEnd -> pop();
      default -> {}
    }
    return null;
  }

  private void checkSize(Event event) {
    if (firstContentLine == 0 && event instanceof NodeEvent) {
      firstContentLine = line(event);
    }
    int index = event.getStartMark().map(Mark::getIndex).orElse(0);
    if (index - documentStart > limits.maxDocumentBytes()) {
      // Named by its first line: the document is the problem, not the place the count ran out.
      int line = firstContentLine > 0 ? firstContentLine : line(event);
      throw new ManifestException(
          new Origin(sourceName, line),
          "document is larger than the limit of " + limits.maxDocumentBytes() + " bytes");
    }
  }

  private void push(JsonNode node, Event event) {
    if (stack.size() >= limits.maxDepth()) {
      throw error(event, "YAML nested deeper than the limit of " + limits.maxDepth() + " levels");
    }
    countNodes(1, event);
    Frame frame = new Frame(node, anchorOf(event), line(event));
    if (node.isObject()) {
      frame.keyLines = new HashMap<>();
    }
    String tag = ((CollectionStartEvent) event).getTag().orElse(null);
    if (tag != null && node.isObject() && tag.equals("tag:yaml.org,2002:seq")
        || tag != null && node.isArray() && tag.equals("tag:yaml.org,2002:map")) {
      throw error(
          event, "tag " + tag + " does not fit a " + (node.isObject() ? "mapping" : "list"));
    }
    stack.push(frame);
  }

  private void pop() {
    Frame frame = stack.pop();
    if (frame.merges != null) {
      applyMerges((ObjectNode) frame.node, frame.merges, frame.mergeLine);
    }
    if (frame.anchor != null) {
      anchors.put(frame.anchor, frame.node);
    }
    attach(frame.node, frame.line);
  }

  private void addValue(JsonNode value, Event event, String anchor) {
    if (anchor != null) {
      anchors.put(anchor, value);
    }
    Frame parent = stack.peek();
    if (parent != null && parent.node.isObject() && parent.pendingKey == null) {
      acceptKey(parent, value, event);
      return;
    }
    attach(value, line(event));
  }

  private void acceptKey(Frame frame, JsonNode key, Event event) {
    if (key.isContainerNode()) {
      throw error(event, "a mapping key must be a scalar, found " + describe(key));
    }
    String text = keyText(key, event);
    if (!text.equals(MERGE_KEY)) {
      Integer first = frame.keyLines.putIfAbsent(text, line(event));
      if (first != null && !lastKeyWins) {
        throw error(event, "mapping key \"" + text + "\" already defined at line " + first);
      }
    }
    frame.pendingKey = text;
    frame.pendingKeyLine = line(event);
    // Only a plain << is a merge key; kustomize drops a quoted one together with its value.
    frame.dropPendingValue =
        text.equals(MERGE_KEY)
            && event instanceof ScalarEvent scalar
            && scalar.getScalarStyle() != ScalarStyle.PLAIN;
  }

  private static String keyText(JsonNode key, Event event) {
    if (event instanceof ScalarEvent scalar) {
      return scalar.getValue();
    }
    return key.isNull() ? "null" : key.asText();
  }

  private void attach(JsonNode value, int line) {
    Frame parent = stack.peek();
    if (parent == null) {
      root = value;
      documentLine = line;
      return;
    }
    if (parent.node.isArray()) {
      ((ArrayNode) parent.node).add(value);
      return;
    }
    if (parent.pendingKey == null) {
      throw new ManifestException(
          new Origin(sourceName, line), "a mapping key must be a scalar, found " + describe(value));
    }
    if (parent.dropPendingValue) {
      parent.dropPendingValue = false;
    } else if (parent.pendingKey.equals(MERGE_KEY)) {
      if (parent.merges == null) {
        parent.merges = new ArrayList<>();
        parent.mergeLine = parent.pendingKeyLine;
      }
      parent.merges.add(value);
    } else {
      ((ObjectNode) parent.node).set(parent.pendingKey, value);
    }
    parent.pendingKey = null;
  }

  private void applyMerges(ObjectNode target, List<JsonNode> merges, int line) {
    for (JsonNode merge : merges) {
      List<JsonNode> sources = new ArrayList<>();
      if (merge.isArray()) {
        merge.forEach(sources::add);
      } else {
        sources.add(merge);
      }
      for (JsonNode source : sources) {
        if (!source.isObject()) {
          throw new ManifestException(
              new Origin(sourceName, line),
              "map merge requires a mapping or a list of mappings, found " + describe(source));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          if (!target.has(field.getKey())) {
            target.set(field.getKey(), field.getValue().deepCopy());
          }
        }
      }
    }
  }

  private JsonNode alias(AliasEvent event) {
    Anchor anchor = event.getAlias();
    JsonNode target = anchors.get(anchor.getValue());
    if (target == null) {
      throw error(event, "unknown anchor '" + anchor.getValue() + "' referenced");
    }
    aliases++;
    if (aliases > limits.maxAliases()) {
      throw error(
          event, "document uses more than " + limits.maxAliases() + " aliases (alias bomb?)");
    }
    countNodes(size(target), event);
    return target.isContainerNode() ? target.deepCopy() : target;
  }

  private void countNodes(long count, Event event) {
    expandedNodes += count;
    if (expandedNodes > limits.maxExpandedNodes()) {
      throw error(
          event,
          "document expands to more than "
              + limits.maxExpandedNodes()
              + " nodes through aliases (alias bomb?)");
    }
  }

  private static long size(JsonNode node) {
    long total = 1;
    for (JsonNode child : node) {
      total += size(child);
    }
    return total;
  }

  private JsonNode scalar(ScalarEvent event) {
    String value = event.getValue();
    Optional<String> tag = event.getTag();
    try {
      if (tag.isPresent() && !tag.get().equals("!")) {
        return tagged(tag.get(), value, event);
      }
      if (event.getScalarStyle() == ScalarStyle.PLAIN) {
        return ScalarResolver.resolvePlain(value);
      }
      if (event.getScalarStyle() == ScalarStyle.FOLDED && value.endsWith("\n\n")) {
        // A folded scalar ends with a blank line only with keep chomping ('>+'); go-yaml v3 reads
        // one more line break there than the spec says, and kustomize prints what it read.
        return NODES.textNode(value + "\n");
      }
      return NODES.textNode(value);
    } catch (ScalarResolver.UnsupportedValueException e) {
      throw error(event, e.getMessage());
    }
  }

  private JsonNode tagged(String tag, String value, ScalarEvent event) {
    return switch (tag) {
      case "tag:yaml.org,2002:str" -> NODES.textNode(value);
      case "tag:yaml.org,2002:binary" -> NODES.textNode(decodeBinary(value, event));
      case "tag:yaml.org,2002:null" -> NODES.nullNode();
      case "tag:yaml.org,2002:timestamp" -> {
        String timestamp = Timestamps.toRfc3339(value);
        if (timestamp == null) {
          throw error(event, "cannot decode \"" + value + "\" as timestamp");
        }
        yield NODES.textNode(timestamp);
      }
      case "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float" -> {
        JsonNode resolved = ScalarResolver.resolvePlain(value);
        if (resolved.isTextual() || resolved.isNull()) {
          throw error(event, "cannot decode \"" + value + "\" as " + tag.substring(18));
        }
        yield resolved;
      }
      // go-yaml leaves scalars with tags it does not know as strings, whatever they look like.
      default -> NODES.textNode(value);
    };
  }

  /** go-yaml decodes {@code !!binary} into a string of the decoded bytes. */
  private String decodeBinary(String value, ScalarEvent event) {
    StringBuilder base64 = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isWhitespace(c)) {
        base64.append(c);
      }
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(base64.toString());
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw error(event, "cannot decode !!binary value: " + e.getMessage());
    }
  }

  private static String anchorOf(Event event) {
    return event instanceof NodeEvent node
        ? node.getAnchor().map(Anchor::getValue).orElse(null)
        : null;
  }

  private static int line(Event event) {
    return event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  private ManifestException error(Event event, String message) {
    return new ManifestException(new Origin(sourceName, line(event)), message);
  }

  static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isNull() ? "null" : "the scalar '" + node.asText() + "'";
  }
}
