package dev.cairn.server.dashboard.html;

/** The page frame: head (styles, htmx, cairn.js; nothing inline), navigation, the viewer. */
public final class Layout {
  /** htmx without eval, inline styles or script tags in swapped content (the CSP forbids them). */
  static final String HTMX_CONFIG =
      "{\"includeIndicatorStyles\":false,\"allowEval\":false,\"allowScriptTags\":false,"
          + "\"selfRequestsOnly\":true}";

  private Layout() {}

  public static String page(String title, Viewer viewer, Markup main) {
    Markup html = new Markup();
    html.constant("<!doctype html>").open("html", "lang", "en").open("head");
    html.empty("meta", "charset", "utf-8");
    html.element("title", title + " · Cairn");
    html.empty("meta", "name", "htmx-config", "content", HTMX_CONFIG);
    html.empty("link", "rel", "stylesheet", "href", "/static/cairn.css");
    html.open("script", "src", "/static/htmx.min.js", "defer", "").close("script");
    html.open("script", "src", "/static/cairn.js", "defer", "").close("script");
    html.close("head");
    html.open("body", "hx-headers", "{\"X-Cairn-Csrf\":\"" + viewer.csrfToken() + "\"}");
    html.open("header").open("nav");
    html.element("a", "Cairn", "href", "/", "class", "brand");
    html.element("a", "Overview", "href", "/");
    html.element("a", "Objects", "href", "/objects");
    html.element("a", "Graph", "href", "/graph");
    html.close("nav");
    html.element(
        "span", viewer.user() + (viewer.mayAct() ? "" : " (read-only)"), "class", "viewer");
    html.close("header");
    html.open("main").element("h1", title).append(main).close("main");
    return html.close("body").close("html").toString();
  }

  /** A health badge. */
  static void health(Markup html, String label) {
    html.element(
        "span", label, "class", "health health-" + label.toLowerCase(java.util.Locale.ROOT));
  }
}
