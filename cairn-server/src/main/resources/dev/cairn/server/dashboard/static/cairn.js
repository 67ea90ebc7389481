// Cairn dashboard: live updates. The server sends a "change" event whenever objects change;
// every element listening for "cairn-changed" (hx-trigger="cairn-changed from:body") re-fetches
// its fragment. No page reloads, no inline scripts.
(function () {
  "use strict";
  function connect() {
    var source = new EventSource("/events");
    source.addEventListener("change", function () {
      document.body.setAttribute("data-live-sequence", String(Date.now()));
      htmx.trigger(document.body, "cairn-changed");
    });
    source.addEventListener("open", function () {
      document.body.setAttribute("data-live", "connected");
    });
    source.addEventListener("error", function () {
      document.body.setAttribute("data-live", "reconnecting");
    });
  }
  document.addEventListener("DOMContentLoaded", connect);
})();
