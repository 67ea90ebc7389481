package dev.cairn.server.dashboard.html;

import dev.cairn.server.dashboard.fleet.FleetHealth;
import dev.cairn.server.dashboard.fleet.FleetObject;
import dev.cairn.server.dashboard.fleet.KindAdapter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The overview: counts by kind and health, failing objects first, suspended ones, revisions. */
public final class OverviewView {
  private OverviewView() {}

  /** The live part, refreshed on every change. */
  public static Markup body(List<KindAdapter> kinds, List<FleetObject> objects) {
    Markup html = new Markup();
    counts(html, kinds, objects);
    List<FleetObject> failing = objects.stream().filter(FleetObject::failing).toList();
    html.element("h2", "Failing (" + failing.size() + ")");
    table(html, failing, "failing");
    List<FleetObject> suspended = objects.stream().filter(FleetObject::suspended).toList();
    html.element("h2", "Suspended (" + suspended.size() + ")");
    table(html, suspended, "suspended");
    html.element("h2", "Revisions");
    List<FleetObject> withRevision =
        objects.stream()
            .filter(o -> !o.revision().isEmpty())
            .sorted((a, b) -> Integer.compare(rank(a), rank(b)))
            .toList();
    table(html, withRevision, "revisions");
    return html;
  }

  /** The live container of {@link #body}. */
  public static Markup page(List<KindAdapter> kinds, List<FleetObject> objects) {
    return new Markup()
        .open(
            "div",
            "id",
            "overview",
            "hx-get",
            "/fragments/overview",
            "hx-trigger",
            "cairn-changed from:body")
        .append(body(kinds, objects))
        .close("div");
  }

  private static int rank(FleetObject object) {
    return object.health().ordinal();
  }

  private static void counts(Markup html, List<KindAdapter> kinds, List<FleetObject> objects) {
    html.open("table", "class", "counts").open("thead").open("tr").element("th", "Kind");
    for (FleetHealth health : FleetHealth.values()) {
      html.element("th", health.label());
    }
    html.element("th", "Total").close("tr").close("thead").open("tbody");
    for (KindAdapter kind : kinds) {
      Map<FleetHealth, Integer> counts = new EnumMap<>(FleetHealth.class);
      int total = 0;
      for (FleetObject object : objects) {
        if (object.ref().kind().equals(kind.kind())) {
          counts.merge(object.health(), 1, Integer::sum);
          total++;
        }
      }
      html.open("tr", "data-kind", kind.kind());
      html.open("td").element("a", kind.kind(), "href", "/objects?kind=" + kind.kind()).close("td");
      for (FleetHealth health : FleetHealth.values()) {
        int count = counts.getOrDefault(health, 0);
        html.element(
            "td",
            Integer.toString(count),
            "class",
            count > 0
                ? "count health-" + health.label().toLowerCase(java.util.Locale.ROOT)
                : "count");
      }
      html.element("td", Integer.toString(total)).close("tr");
    }
    html.close("tbody").close("table");
  }

  private static void table(Markup html, List<FleetObject> objects, String id) {
    if (objects.isEmpty()) {
      html.element("p", "None.", "class", "none", "id", id);
      return;
    }
    html.open("table", "id", id).open("tbody");
    for (FleetObject object : objects) {
      html.open("tr");
      html.open("td");
      Layout.health(html, object.health().label());
      html.close("td");
      html.open("td").element("a", object.ref().toString(), "href", object.ref().path());
      html.close("td");
      html.element("td", object.revision(), "class", "revision");
      html.element("td", object.message(), "class", "message").close("tr");
    }
    html.close("tbody").close("table");
  }
}
