/**
 * One reconciler per kind as a list of named steps, the status summarizer, events, inventory and
 * dependency ordering.
 *
 * <p>No operator-framework types: the controller module adapts these reconcilers.
 */
package dev.cairn.engine;
