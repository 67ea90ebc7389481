/**
 * Providers: the one-method {@link dev.cairn.notify.provider.Notifier} port, one class per provider
 * type, and {@link dev.cairn.notify.provider.NotifierFactory} mapping a type to its class.
 * Payloads, URLs and headers are those notification-controller sends. Nothing here logs or returns
 * a token, password, header value or secret address: errors name the provider and the HTTP status
 * only.
 */
package dev.cairn.notify.provider;
