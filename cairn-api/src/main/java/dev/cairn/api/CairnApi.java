package dev.cairn.api;

/** The identity of Cairn's API: group {@code cairn.dev}, version {@code v1}. */
public final class CairnApi {

  public static final String GROUP = "cairn.dev";
  public static final String VERSION = "v1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private CairnApi() {}
}
