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
          FieldRefusal.unless("spec.update.strategy", "supports only 'Setters'", "Setters"));

  private ImageRefusals() {}
}
