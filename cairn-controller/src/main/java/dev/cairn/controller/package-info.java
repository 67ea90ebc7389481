/**
 * Thin Java Operator SDK adapters, watches, leader election and {@code CairnRuntime}, the one
 * composition root.
 */
package dev.cairn.controller;
