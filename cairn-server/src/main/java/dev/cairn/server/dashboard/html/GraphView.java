package dev.cairn.server.dashboard.html;

import dev.cairn.server.dashboard.fleet.FleetObject;
import java.util.List;

/** The dependency graph as server-side SVG. */
public final class GraphView {
  private GraphView() {}

  public static Markup render(List<FleetObject> objects) {
    return new Markup().element("p", objects.size() + " objects", "class", "none");
  }
}
