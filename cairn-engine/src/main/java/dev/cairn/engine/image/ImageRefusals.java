package dev.cairn.engine.image;

import dev.cairn.engine.FieldRefusal;
import java.util.List;

/** The image kinds' fields Cairn accepts in the schema but does not act on. */
public final class ImageRefusals {
  public static final List<FieldRefusal> IMAGE_REPOSITORY =
      List.of(
          FieldRefusal.unless(
              "spec.provider",
              "is not supported by this version of Cairn: no cloud registry login (aws, azure,"
                  + " gcp); use spec.secretRef",
              "generic"),
          FieldRefusal.of(
              "spec.proxySecretRef",
              "is not supported by this version of Cairn: registries are reached without a"
                  + " proxy"));

  public static final List<FieldRefusal> IMAGE_POLICY = List.of();

  public static final List<FieldRefusal> IMAGE_UPDATE_AUTOMATION =
      List.of(
          FieldRefusal.of(
              "spec.git.commit.signingKey",
              "is not supported yet: commits are not signed; remove it or sign in CI"),
          FieldRefusal.of(
              "spec.git.push.options",
              "is not supported by this version of Cairn: push options are not sent"),
          checkoutRef("tag"),
          checkoutRef("semver"),
          checkoutRef("name"),
          checkoutRef("commit"),
          FieldRefusal.unless(
              "spec.sourceRef.apiVersion",
              "must be cairn.dev/v1 (Flux's source.toolkit.fluxcd.io/v1 is translated to it)",
              "cairn.dev/v1"),
          FieldRefusal.unless("spec.update.strategy", "supports only 'Setters'", "Setters"));

  private static FieldRefusal checkoutRef(String field) {
    return FieldRefusal.of(
        "spec.git.checkout.ref." + field,
        "is not supported: the automation commits on spec.git.checkout.ref.branch");
  }

  private ImageRefusals() {}
}
