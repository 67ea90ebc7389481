package dev.cairn.server.dashboard.html;

import dev.cairn.server.dashboard.fleet.DependencyGraph;
import dev.cairn.server.dashboard.fleet.FleetObject;
import java.util.List;
import java.util.Locale;

/**
 * The dependency graph as SVG drawn on the server: one box per object (coloured by health, linked
 * to its page), sources on the left, dependents to the right; edges on a failing path drawn thick
 * and red, {@code dependsOn} edges dashed.
 */
public final class GraphView {
  static final int WIDTH = 230;
  static final int HEIGHT = 34;
  static final int COLUMN = 290;
  static final int ROW = 46;
  static final int MARGIN = 12;

  private GraphView() {}

  public static Markup render(List<FleetObject> objects) {
    DependencyGraph graph = DependencyGraph.of(objects);
    int columns = graph.nodes().stream().mapToInt(DependencyGraph.Node::column).max().orElse(0) + 1;
    int rows = graph.nodes().stream().mapToInt(DependencyGraph.Node::row).max().orElse(0) + 1;
    Markup html = new Markup();
    html.element(
        "p",
        "Sources on the left; an arrow points at what reads a source or depends on an object"
            + " (dashed: dependsOn). Red: on a failing path.",
        "class",
        "none");
    html.open(
        "svg",
        "xmlns",
        "http://www.w3.org/2000/svg",
        "class",
        "graph",
        "id",
        "graph",
        "width",
        Integer.toString(columns * COLUMN + MARGIN),
        "height",
        Integer.toString(rows * ROW + MARGIN),
        "role",
        "img",
        "aria-label",
        "dependency graph");
    for (DependencyGraph.Edge edge : graph.edges()) {
      DependencyGraph.Node from = graph.node(edge.from());
      DependencyGraph.Node to = graph.node(edge.to());
      String css = (edge.failing() ? "failing" : "") + (edge.dependency() ? " depends" : "");
      html.open(
              "line",
              "x1",
              Integer.toString(x(from) + WIDTH),
              "y1",
              Integer.toString(y(from) + HEIGHT / 2),
              "x2",
              Integer.toString(x(to)),
              "y2",
              Integer.toString(y(to) + HEIGHT / 2),
              "class",
              css.strip(),
              "data-from",
              edge.from().toString(),
              "data-to",
              edge.to().toString())
          .close("line");
    }
    for (DependencyGraph.Node node : graph.nodes()) {
      node(html, node);
    }
    return html.close("svg");
  }

  private static void node(Markup html, DependencyGraph.Node node) {
    FleetObject object = node.object();
    html.open("a", "href", object.ref().path(), "data-ref", object.ref().toString());
    html.open(
            "rect",
            "x",
            Integer.toString(x(node)),
            "y",
            Integer.toString(y(node)),
            "width",
            Integer.toString(WIDTH),
            "height",
            Integer.toString(HEIGHT),
            "rx",
            "5",
            "class",
            object.health().label().toLowerCase(Locale.ROOT))
        .close("rect");
    html.element(
        "text",
        shorten(object.ref().kind() + " " + object.ref().namespace() + "/" + object.ref().name()),
        "x",
        Integer.toString(x(node) + 8),
        "y",
        Integer.toString(y(node) + 14));
    html.element(
        "text",
        shorten(
            object.health().label()
                + (object.revision().isEmpty() ? "" : " · " + object.revision())),
        "x",
        Integer.toString(x(node) + 8),
        "y",
        Integer.toString(y(node) + 28));
    html.element("title", object.ref() + ": " + object.message());
    html.close("a");
  }

  private static String shorten(String text) {
    return text.length() <= 34 ? text : text.substring(0, 33) + "…";
  }

  private static int x(DependencyGraph.Node node) {
    return MARGIN + node.column() * COLUMN;
  }

  private static int y(DependencyGraph.Node node) {
    return MARGIN + node.row() * ROW;
  }
}
