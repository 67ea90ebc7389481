/** The notifier port, its providers, and webhook receivers with HMAC verification. */
package dev.cairn.notify;
