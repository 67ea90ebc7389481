package dev.cairn.engine.image;

/** Condition and event reasons of the image kinds, as Flux's image controllers name them. */
final class ImageReasons {
  static final String READ_FAILED = "ReadOperationFailed";
  static final String ACCESS_DENIED = "AccessDenied";
  static final String DEPENDENCY_NOT_READY = "DependencyNotReady";
  static final String POLICY_EMPTY = "ImagePolicyEmpty";
  static final String GIT_FAILED = "GitOperationFailed";
  static final String INVALID_TEMPLATE = "InvalidMessageTemplate";
  static final String NEW_SCAN = "Succeeded";
  static final String UPDATED = "Succeeded";

  private ImageReasons() {}
}
