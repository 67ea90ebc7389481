/**
 * Source reconcilers: {@code GitRepository} fetched with cairn-source into the artifact store.
 *
 * <p>Reads Secrets for credentials; secret values never reach messages or logs. No
 * operator-framework types.
 */
package dev.cairn.engine.source;
