/**
 * Structural-schema validation of custom resources ({@link dev.cairn.api.schema.SchemaValidator})
 * and access to the generated CRDs ({@link dev.cairn.api.schema.CairnCrds}).
 *
 * <p>Pure: no client calls, no I/O beyond reading the CRDs from the classpath.
 */
package dev.cairn.api.schema;
