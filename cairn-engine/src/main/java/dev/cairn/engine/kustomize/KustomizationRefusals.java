package dev.cairn.engine.kustomize;

import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.SourceApiVersions;
import java.util.List;

/** The Kustomization fields Cairn accepts in its schema but does not act on; they stall. */
public final class KustomizationRefusals {
  /** In the order they are checked. */
  public static final List<FieldRefusal> FIELDS =
      List.of(
          FieldRefusal.of(
              "spec.ignore",
              "(drift-detection ignore rules) is not supported yet: Cairn would correct the fields"
                  + " it names"),
          FieldRefusal.of(
              "spec.kubeConfig.configMapRef",
              "is not supported: Cairn has no cloud-provider identities (aws, azure, gcp) to turn"
                  + " its provider into credentials; put a kubeconfig in a Secret and use"
                  + " spec.kubeConfig.secretRef"),
          FieldRefusal.of(
              "spec.decryption.serviceAccountName",
              "is not supported: Cairn has no cloud KMS identities; put the age or OpenPGP keys in"
                  + " the Secret of spec.decryption.secretRef"),
          SourceApiVersions.refusal("spec.sourceRef.apiVersion"));

  private KustomizationRefusals() {}
}
