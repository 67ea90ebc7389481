/** The HTTP side: read-model REST API, dashboard, webhook receivers, metrics and health. */
package dev.cairn.server;
