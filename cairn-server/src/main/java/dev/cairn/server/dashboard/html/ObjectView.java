package dev.cairn.server.dashboard.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.YamlWriter;
import dev.cairn.server.dashboard.fleet.FleetObject;
import dev.cairn.server.dashboard.fleet.FleetRef;
import dev.cairn.server.dashboard.fleet.InventoryNode;
import dev.cairn.server.dashboard.fleet.KindAdapter;
import dev.cairn.server.dashboard.fleet.ObjectEvents;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One object's page: its live status (conditions, message, revision, sources, actions), the
 * inventory tree, the events timeline, the history, the spec as YAML and the diff with Git.
 */
public final class ObjectView {
  private ObjectView() {}

  /** What the page shows besides the live status. */
  public record Details(InventoryNode tree, List<ObjectEvents.Line> events, boolean diffable) {}

  public static Markup page(
      FleetObject object, KindAdapter adapter, Viewer viewer, Details details) {
    Markup html = new Markup();
    String fragment = "/fragments" + object.ref().path() + "/status";
    html.open("div", "id", "status", "hx-get", fragment, "hx-trigger", "cairn-changed from:body");
    html.append(status(object, adapter, viewer)).close("div");
    html.element("div", "", "id", "action-result", "role", "status");
    html.element("h2", "Inventory");
    html.open("ul", "class", "tree", "id", "tree");
    node(html, details.tree());
    html.close("ul");
    events(html, details.events());
    history(html, object.object().at("/status/history"));
    html.element("h2", "Spec");
    html.element("pre", YamlWriter.write(object.object().path("spec")), "id", "spec");
    if (details.diffable()) {
      html.element("h2", "Diff with Git");
      html.open(
          "div",
          "id",
          "diff",
          "hx-get",
          "/fragments" + object.ref().path() + "/diff",
          "hx-trigger",
          "load");
      html.element("p", "Rendering the source…", "class", "none").close("div");
    }
    return html;
  }

  /** The live part: refreshed on every change. */
  public static Markup status(FleetObject object, KindAdapter adapter, Viewer viewer) {
    Markup html = new Markup();
    html.open("dl", "class", "summary");
    html.element("dt", "Health").open("dd", "id", "health");
    Layout.health(html, object.health().label());
    html.close("dd");
    term(
        html,
        "Ready",
        object.ready() + (object.reason().isEmpty() ? "" : " (" + object.reason() + ")"),
        "ready");
    term(html, "Message", object.message(), "message");
    term(html, "Revision", object.revision(), "revision");
    term(html, "Suspended", Boolean.toString(object.suspended()), "suspended");
    term(
        html,
        "Requested",
        object
            .object()
            .at("/metadata/annotations")
            .path("reconcile.cairn.dev/requestedAt")
            .asText(""),
        "requested-at");
    term(
        html,
        "Handled",
        object.object().at("/status/lastHandledReconcileAt").asText(""),
        "handled");
    links(html, "Sources", object.sources());
    links(html, "Depends on", object.dependsOn());
    html.close("dl");
    if (viewer.mayAct()) {
      actions(html, object, adapter);
    }
    conditions(html, object.object().at("/status/conditions"));
    return html;
  }

  private static void term(Markup html, String term, String value, String id) {
    html.element("dt", term).element("dd", value, "id", id);
  }

  private static void links(Markup html, String term, List<FleetRef> refs) {
    if (refs.isEmpty()) {
      return;
    }
    html.element("dt", term).open("dd");
    for (FleetRef ref : refs) {
      html.element("a", ref.toString(), "href", ref.path()).text(" ");
    }
    html.close("dd");
  }

  private static void actions(Markup html, FleetObject object, KindAdapter adapter) {
    html.open("div", "class", "actions", "id", "actions");
    String base = object.ref().path();
    if (adapter.reconcilable()) {
      button(
          html, base + "/reconcile", "Reconcile", "reconcile", "Reconcile " + object.ref() + "?");
      if (adapter.reconcileSource(object).isPresent()) {
        button(
            html,
            base + "/reconcile-with-source",
            "Reconcile with source",
            "reconcile-with-source",
            "Reconcile " + object.ref() + " and its source?");
      }
    }
    if (adapter.suspendable()) {
      if (object.suspended()) {
        button(html, base + "/resume", "Resume", "resume", "Resume " + object.ref() + "?");
      } else {
        button(html, base + "/suspend", "Suspend", "suspend", "Suspend " + object.ref() + "?");
      }
    }
    html.close("div");
  }

  private static void button(
      Markup html, String path, String label, String action, String question) {
    html.element(
        "button",
        label,
        "type",
        "button",
        "class",
        "action",
        "data-action",
        action,
        "hx-post",
        path,
        "hx-confirm",
        question,
        "hx-target",
        "#action-result");
  }

  private static void conditions(Markup html, JsonNode conditions) {
    html.element("h2", "Conditions");
    html.open("table", "id", "conditions").open("thead").open("tr");
    for (String heading : List.of("Type", "Status", "Reason", "Message", "Last transition")) {
      html.element("th", heading);
    }
    html.close("tr").close("thead").open("tbody");
    for (JsonNode condition : conditions) {
      html.open("tr");
      for (String field : List.of("type", "status", "reason", "message", "lastTransitionTime")) {
        html.element("td", condition.path(field).asText(""));
      }
      html.close("tr");
    }
    html.close("tbody").close("table");
  }

  private static void node(Markup html, InventoryNode node) {
    html.open("li", "data-ref", node.ref().toString());
    Layout.health(html, node.health());
    html.text(" ");
    if (node.browsable()) {
      html.element("a", node.ref().toString(), "href", node.ref().path(), "class", "node");
    } else {
      html.element("span", node.ref().toString(), "class", "node");
    }
    if (!node.message().isEmpty()) {
      html.element("span", node.message(), "class", "message");
    }
    if (!node.children().isEmpty()) {
      html.open("ul");
      node.children().forEach(child -> node(html, child));
      html.close("ul");
    }
    html.close("li");
  }

  private static void events(Markup html, List<ObjectEvents.Line> events) {
    html.element("h2", "Events");
    if (events.isEmpty()) {
      html.element("p", "No events.", "class", "none");
      return;
    }
    html.open("ol", "class", "timeline", "id", "events");
    for (ObjectEvents.Line event : events) {
      html.open("li", "class", "event event-" + event.type().toLowerCase(java.util.Locale.ROOT));
      html.element("time", event.time()).text(" ");
      html.element("strong", event.reason()).text(" ");
      html.element("span", event.message(), "class", "message");
      html.element("span", event.component(), "class", "component").close("li");
    }
    html.close("ol");
  }

  private static void history(Markup html, JsonNode history) {
    html.element("h2", "History");
    if (!history.isArray() || history.isEmpty()) {
      html.element("p", "No history yet.", "class", "none");
      return;
    }
    html.open("table", "id", "history").open("tbody");
    for (JsonNode entry : history) {
      html.open("tr").open("td");
      Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isValueNode()) {
          html.element("span", field.getKey() + ": " + field.getValue().asText(), "class", "field");
        }
      }
      html.close("td").close("tr");
    }
    html.close("tbody").close("table");
  }
}
