/**
 * The event pipeline: events in ({@link dev.cairn.notify.EventSink}, never blocking the caller),
 * Alerts matched, duplicates dropped, and per-Provider lanes that deliver with retries, a rate
 * limit and bounded drop-oldest queues. Knows no Kubernetes client: Alerts and Providers come
 * through the {@link dev.cairn.notify.RouteSource} port.
 */
package dev.cairn.notify;
