package dev.cairn.manifest;

/**
 * Bounds that keep hostile input from exhausting memory or stack.
 *
 * @param maxDocumentBytes the largest single document, in characters of its text
 * @param maxDepth the deepest nesting of mappings and sequences
 * @param maxAliases how many alias references one document may use
 * @param maxExpandedNodes how many nodes one document may hold once its aliases are expanded
 */
public record ReadLimits(int maxDocumentBytes, int maxDepth, int maxAliases, int maxExpandedNodes) {

  public ReadLimits {
    if (maxDocumentBytes <= 0 || maxDepth <= 0 || maxAliases < 0 || maxExpandedNodes <= 0) {
      throw new IllegalArgumentException("read limits must be positive");
    }
  }

  private static final int DEFAULT_MAX_EXPANDED_NODES = 1_000_000;

  /** The three limits named in the first published API; alias expansion keeps its default. */
  public ReadLimits(int maxDocumentBytes, int maxDepth, int maxAliases) {
    this(maxDocumentBytes, maxDepth, maxAliases, DEFAULT_MAX_EXPANDED_NODES);
  }

  /** Roomy enough for any real manifest, CRDs with large schemas included. */
  public static ReadLimits defaults() {
    return new ReadLimits(8 * 1024 * 1024, 100, 100, DEFAULT_MAX_EXPANDED_NODES);
  }

  public ReadLimits withMaxDocumentBytes(int value) {
    return new ReadLimits(value, maxDepth, maxAliases, maxExpandedNodes);
  }

  public ReadLimits withMaxDepth(int value) {
    return new ReadLimits(maxDocumentBytes, value, maxAliases, maxExpandedNodes);
  }

  public ReadLimits withMaxAliases(int value) {
    return new ReadLimits(maxDocumentBytes, maxDepth, value, maxExpandedNodes);
  }

  public ReadLimits withMaxExpandedNodes(int value) {
    return new ReadLimits(maxDocumentBytes, maxDepth, maxAliases, value);
  }
}
