package dev.cairn.server.dashboard.web;

import dev.cairn.server.dashboard.fleet.FleetActions;
import dev.cairn.server.dashboard.fleet.FleetCache;
import dev.cairn.server.dashboard.fleet.FleetObject;
import dev.cairn.server.dashboard.fleet.FleetRef;
import dev.cairn.server.dashboard.html.Markup;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /objects/KIND/NAMESPACE/NAME/ACTION}: reconcile, reconcile-with-source, suspend,
 * resume. Each needs the session's CSRF token and the user's permission to patch the object.
 */
final class ActionHandler {
  static final Set<String> ACTIONS =
      Set.of("reconcile", "reconcile-with-source", "suspend", "resume");

  private final FleetCache cache;
  private final FleetActions actions;
  private final Access access;
  private final CsrfTokens tokens;

  ActionHandler(FleetCache cache, FleetActions actions, Access access, CsrfTokens tokens) {
    this.cache = cache;
    this.actions = actions;
    this.access = access;
    this.tokens = tokens;
  }

  WebResponse handle(WebRequest request, String user) {
    List<String> s = request.segments();
    if (s.size() != 5 || !s.get(0).equals("objects") || !ACTIONS.contains(s.get(4))) {
      return WebResponse.error(404, "no such action");
    }
    if (!tokens.valid(
        request.session().orElse(null), request.header(CsrfTokens.HEADER).orElse(null))) {
      return WebResponse.error(403, "missing or invalid CSRF token; reload the page");
    }
    FleetRef ref = new FleetRef(s.get(1), s.get(2), s.get(3));
    if (!access.mayAct(user, "patch", ref)) {
      return WebResponse.error(403, user + " may not change " + ref);
    }
    Optional<FleetObject> object = cache.find(ref);
    if (object.isEmpty()) {
      return WebResponse.error(404, ref + " not found");
    }
    String done;
    try {
      done = act(s.get(4), object.get(), user);
    } catch (IllegalArgumentException e) {
      return WebResponse.error(400, e.getMessage());
    } catch (KubernetesClientException e) {
      return WebResponse.error(502, "the API server refused: " + e.getStatus().getMessage());
    }
    return WebResponse.html(new Markup().element("p", done, "class", "done").toString());
  }

  private String act(String action, FleetObject object, String user) {
    switch (action) {
      case "reconcile", "reconcile-with-source" -> {
        List<FleetRef> asked = actions.reconcile(object, action.endsWith("source"), user);
        return "Reconciliation requested for "
            + String.join(", ", asked.stream().map(FleetRef::toString).toList());
      }
      case "suspend" -> {
        actions.suspend(object, true, user);
        return "Suspended " + object.ref();
      }
      default -> {
        actions.suspend(object, false, user);
        return "Resumed " + object.ref();
      }
    }
  }
}
