package dev.cairn.server.dashboard.html;

/**
 * Who looks at a page: the user's name, the CSRF token their actions must carry, and whether they
 * may act at all (read-only users see no action buttons).
 */
public record Viewer(String user, String csrfToken, boolean mayAct) {}
