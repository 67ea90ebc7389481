/**
 * The dashboard's read model: one {@link dev.cairn.server.dashboard.fleet.KindAdapter} per kind
 * (how to read readiness, health, revision, suspension, sources, dependencies and inventory from an
 * object), a cache fed by informers, and the actions the dashboard may take. No HTML here.
 */
package dev.cairn.server.dashboard.fleet;
