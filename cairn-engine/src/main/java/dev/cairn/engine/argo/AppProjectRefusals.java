package dev.cairn.engine.argo;

import dev.cairn.engine.FieldRefusal;
import java.util.List;

/**
 * The AppProject fields Cairn accepts in its schema but does not act on: the project stalls, and so
 * does every Application of it (a rule Cairn cannot keep is never silently dropped).
 */
public final class AppProjectRefusals {
  private static final String NOT_YET = "is not supported by this version of Cairn";

  /** In the order they are checked. */
  public static final List<FieldRefusal> FIELDS =
      List.of(
          FieldRefusal.of(
              "spec.roles",
              NOT_YET + ": project roles and their tokens belong to Cairn's dashboard"),
          FieldRefusal.of(
              "spec.syncWindows", NOT_YET + ": syncs are not limited to time windows yet"),
          FieldRefusal.of(
              "spec.signatureKeys", NOT_YET + ": commit signatures are not verified for projects"),
          FieldRefusal.of(
              "spec.orphanedResources",
              NOT_YET + ": objects no Application tracks are not reported"),
          FieldRefusal.of(
              "spec.sourceNamespaces",
              NOT_YET + ": Applications use the projects of their own namespace"),
          FieldRefusal.of(
              "spec.permitOnlyProjectScopedClusters",
              NOT_YET + ": Cairn deploys to the cluster it runs in only"),
          FieldRefusal.of(
              "spec.destinationServiceAccounts",
              NOT_YET + ": Cairn applies with its own identity"));

  private AppProjectRefusals() {}
}
