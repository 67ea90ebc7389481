/**
 * Webhook receivers, pure: the path a Receiver is served at ({@code /hook/<sha256(token + name +
 * namespace)>}, as Flux forms it), and each type's check of a call (signatures and tokens compared
 * in constant time, the event filter). Serving HTTP and annotating objects is done elsewhere.
 */
package dev.cairn.notify.receiver;
