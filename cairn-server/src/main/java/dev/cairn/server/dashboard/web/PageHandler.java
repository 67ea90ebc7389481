package dev.cairn.server.dashboard.web;

import dev.cairn.server.dashboard.fleet.FleetCache;
import dev.cairn.server.dashboard.fleet.FleetFilter;
import dev.cairn.server.dashboard.fleet.FleetObject;
import dev.cairn.server.dashboard.fleet.FleetRef;
import dev.cairn.server.dashboard.fleet.GitDiff;
import dev.cairn.server.dashboard.fleet.InventoryTrees;
import dev.cairn.server.dashboard.fleet.KindAdapter;
import dev.cairn.server.dashboard.fleet.ObjectEvents;
import dev.cairn.server.dashboard.html.DiffView;
import dev.cairn.server.dashboard.html.GraphView;
import dev.cairn.server.dashboard.html.Layout;
import dev.cairn.server.dashboard.html.ListView;
import dev.cairn.server.dashboard.html.Markup;
import dev.cairn.server.dashboard.html.ObjectView;
import dev.cairn.server.dashboard.html.OverviewView;
import dev.cairn.server.dashboard.html.Viewer;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The GET pages and their live fragments. */
final class PageHandler {
  private final FleetCache cache;
  private final InventoryTrees trees;
  private final ObjectEvents events;
  private final Access access;
  private final CsrfTokens tokens;
  private final Optional<GitDiff> diffs;

  PageHandler(
      FleetCache cache,
      InventoryTrees trees,
      ObjectEvents events,
      Access access,
      CsrfTokens tokens,
      Optional<GitDiff> diffs) {
    this.cache = cache;
    this.trees = trees;
    this.events = events;
    this.access = access;
    this.tokens = tokens;
    this.diffs = diffs;
  }

  WebResponse handle(WebRequest request, String user, String session) {
    List<String> s = request.segments();
    Viewer viewer = new Viewer(user, tokens.token(session), access.mayActAtAll(user));
    if (s.isEmpty()) {
      return page("Overview", viewer, OverviewView.page(kinds(), cache.all()));
    }
    boolean fragment = s.get(0).equals("fragments");
    List<String> rest = fragment ? s.subList(1, s.size()) : s;
    if (rest.equals(List.of("overview")) && fragment) {
      return WebResponse.html(OverviewView.body(kinds(), cache.all()).toString());
    }
    if (rest.equals(List.of("graph")) && !fragment) {
      return page("Dependency graph", viewer, GraphView.render(cache.all()));
    }
    if (rest.equals(List.of("objects"))) {
      return list(request, viewer, fragment);
    }
    if (rest.size() >= 4 && rest.get(0).equals("objects")) {
      FleetRef ref = new FleetRef(rest.get(1), rest.get(2), rest.get(3));
      Optional<FleetObject> object = cache.find(ref);
      Optional<KindAdapter> adapter = cache.adapters().forKind(ref.kind());
      if (object.isEmpty() || adapter.isEmpty()) {
        return WebResponse.error(404, ref + " not found");
      }
      Viewer forObject = new Viewer(user, viewer.csrfToken(), access.mayAct(user, "patch", ref));
      return object(rest.subList(4, rest.size()), fragment, object.get(), adapter.get(), forObject);
    }
    return WebResponse.error(404, "not found");
  }

  private WebResponse list(WebRequest request, Viewer viewer, boolean fragment) {
    FleetFilter filter = FleetFilter.of(request.query());
    List<FleetObject> all = cache.all();
    List<FleetObject> rows = all.stream().filter(filter::matches).toList();
    if (fragment) {
      return WebResponse.html(ListView.rows(rows).toString());
    }
    TreeSet<String> namespaces = new TreeSet<>();
    all.forEach(o -> namespaces.add(o.ref().namespace()));
    List<String> kindNames = kinds().stream().map(KindAdapter::kind).toList();
    return page("Objects", viewer, ListView.page(filter, kindNames, namespaces, rows));
  }

  private WebResponse object(
      List<String> part, boolean fragment, FleetObject object, KindAdapter adapter, Viewer viewer) {
    if (fragment && part.equals(List.of("status"))) {
      return WebResponse.html(ObjectView.status(object, adapter, viewer).toString());
    }
    if (fragment && part.equals(List.of("diff")) && diffs.isPresent()) {
      return WebResponse.html(DiffView.render(diffs.get(), object).toString());
    }
    if (fragment || !part.isEmpty()) {
      return WebResponse.error(404, "not found");
    }
    ObjectView.Details details =
        new ObjectView.Details(
            trees.of(object),
            events.of(object.ref()),
            diffs.isPresent() && diffs.get().supports(object));
    return page(object.ref().toString(), viewer, ObjectView.page(object, adapter, viewer, details));
  }

  private List<KindAdapter> kinds() {
    return cache.adapters().all();
  }

  private static WebResponse page(String title, Viewer viewer, Markup main) {
    return WebResponse.html(Layout.page(title, viewer, main));
  }
}
