/**
 * The web dashboard: {@code fleet} (read model and actions), {@code html} (pages), {@code web}
 * (HTTP, sessions, live updates; {@link dev.cairn.server.dashboard.web.Dashboard} starts it).
 */
package dev.cairn.server.dashboard;
