package dev.cairn.server.dashboard.html;

import dev.cairn.server.dashboard.fleet.FleetFilter;
import dev.cairn.server.dashboard.fleet.FleetObject;
import java.util.List;
import java.util.SortedSet;

/** The object list: filters, and rows refreshed in place on every change. */
public final class ListView {
  private ListView() {}

  public static Markup page(
      FleetFilter filter,
      List<String> kinds,
      SortedSet<String> namespaces,
      List<FleetObject> rows) {
    Markup html = new Markup();
    html.open(
        "form",
        "id",
        "filters",
        "action",
        "/objects",
        "method",
        "get",
        "hx-get",
        "/fragments/objects",
        "hx-target",
        "#rows",
        "hx-trigger",
        "input delay:150ms, change");
    select(html, "kind", "Kind", kinds, filter.kind());
    select(html, "namespace", "Namespace", List.copyOf(namespaces), filter.namespace());
    select(html, "ready", "Ready", List.of("True", "False", "Unknown"), filter.ready());
    select(html, "suspended", "Suspended", List.of("true", "false"), filter.suspended());
    html.open("label").text("Search ");
    html.empty("input", "type", "search", "name", "q", "id", "filter-q", "value", filter.text());
    html.close("label");
    html.element("button", "Filter", "type", "submit", "class", "nojs");
    html.close("form");
    html.open("table", "class", "objects").open("thead").open("tr");
    for (String heading :
        List.of("Health", "Kind", "Namespace", "Name", "Ready", "Revision", "Message")) {
      html.element("th", heading);
    }
    html.close("tr").close("thead");
    html.open(
        "tbody",
        "id",
        "rows",
        "hx-get",
        "/fragments/objects",
        "hx-include",
        "#filters",
        "hx-trigger",
        "cairn-changed from:body");
    html.append(rows(rows));
    return html.close("tbody").close("table");
  }

  /** The table rows; one per object, {@code data-ref} naming it. */
  public static Markup rows(List<FleetObject> objects) {
    Markup html = new Markup();
    if (objects.isEmpty()) {
      html.open("tr").element("td", "No objects match.", "colspan", "7").close("tr");
    }
    for (FleetObject object : objects) {
      html.open("tr", "data-ref", object.ref().toString(), "class", "object");
      html.open("td");
      Layout.health(html, object.health().label());
      html.close("td");
      html.element("td", object.ref().kind());
      html.element("td", object.ref().namespace());
      html.open("td").element("a", object.ref().name(), "href", object.ref().path()).close("td");
      html.element("td", object.ready() + (object.suspended() ? " (suspended)" : ""));
      html.element("td", object.revision(), "class", "revision");
      html.element("td", object.message(), "class", "message");
      html.close("tr");
    }
    return html;
  }

  private static void select(
      Markup html, String name, String label, List<String> values, String selected) {
    html.open("label").text(label + " ");
    html.open("select", "name", name, "id", "filter-" + name);
    html.element("option", "all", "value", "");
    for (String value : values) {
      html.element(
          "option", value, "value", value, "selected", value.equals(selected) ? "selected" : null);
    }
    html.close("select").close("label");
  }
}
