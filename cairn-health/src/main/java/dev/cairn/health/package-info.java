/**
 * The health of one object: a small check per kind, generic conditions, CEL expressions.
 *
 * <p>Pure functions of an object; no I/O and no Kubernetes client.
 */
package dev.cairn.health;
