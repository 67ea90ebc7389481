/**
 * Notification kinds with Flux's field names: {@code Provider} and {@code Alert} (Flux's {@code
 * notification.toolkit.fluxcd.io/v1beta3}) and {@code Receiver} ({@code
 * notification.toolkit.fluxcd.io/v1}). Only the resource classes live here; the pipeline, the
 * providers and the webhook checks are {@code cairn-notify}'s, the reconcilers the engine's.
 */
package dev.cairn.api.notification;
