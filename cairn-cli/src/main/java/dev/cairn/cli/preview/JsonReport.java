package dev.cairn.cli.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.engine.preview.ObjectChange;
import dev.cairn.engine.preview.ObjectChange.Action;
import dev.cairn.engine.preview.OwnerPreview;
import dev.cairn.engine.preview.PreviewReport;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The report as one JSON document for tools: the revisions, {@code changed}, {@code errors}, the
 * unknown variables and, per top-level object, its counts, errors, notes and object changes (each
 * with its masked unified diff).
 */
public final class JsonReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static void print(PreviewReport report, PrintWriter out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("from", report.from());
    root.put("fromCommit", report.fromCommit());
    root.put("to", report.to());
    root.put("toCommit", report.toCommit());
    root.put("root", report.root().toString());
    root.put("changed", report.hasChanges());
    root.put("errors", report.hasErrors());
    ArrayNode unknown = root.putArray("unknownVariables");
    report.unknownVariables().forEach(unknown::add);
    ArrayNode owners = root.putArray("objects");
    for (OwnerPreview owner : report.owners()) {
      owners.add(owner(owner));
    }
    try {
      out.println(JSON.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
    out.flush();
  }

  private static ObjectNode owner(OwnerPreview owner) {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", owner.owner().kind());
    node.put("namespace", owner.owner().namespace());
    node.put("name", owner.owner().name());
    node.put("previewed", owner.previewed());
    node.put("added", owner.count(Action.ADDED));
    node.put("changed", owner.count(Action.CHANGED));
    node.put("removed", owner.count(Action.REMOVED));
    node.put("unchanged", owner.unchanged());
    node.put("fromError", owner.fromError());
    node.put("toError", owner.toError());
    ArrayNode unknown = node.putArray("unknownVariables");
    owner.unknownVariables().stream().sorted().forEach(unknown::add);
    ArrayNode notes = node.putArray("notes");
    owner.notes().forEach(notes::add);
    ArrayNode changes = node.putArray("changes");
    for (ObjectChange change : owner.changes()) {
      ObjectNode c = changes.addObject();
      c.put("group", change.group());
      c.put("kind", change.kind());
      c.put("namespace", change.namespace());
      c.put("name", change.name());
      c.put("action", change.action().name().toLowerCase(Locale.ROOT));
      c.put("diff", change.diff());
    }
    return node;
  }
}
