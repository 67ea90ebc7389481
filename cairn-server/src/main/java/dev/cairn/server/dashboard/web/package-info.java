/**
 * The dashboard's HTTP side on Vert.x core (already on the classpath as fabric8's HTTP transport):
 * routing, sessions and CSRF tokens, access decisions, server-sent events and static files. Pages
 * come from {@code dashboard.html}, data from {@code dashboard.fleet}.
 */
package dev.cairn.server.dashboard.web;
