package dev.cairn.api.sealed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.crd.generator.annotation.Labels;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Secret sealed for the controller's key: Bitnami's {@code SealedSecret}. Cairn's CRD carries the
 * label {@value #MANAGED_BY_LABEL}={@value #MANAGED_BY}, so a CRD without it is the upstream
 * controller's and Cairn leaves SealedSecrets to it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(SealedSecret.GROUP)
@Version(SealedSecret.VERSION)
@Kind("SealedSecret")
@Singular("sealedsecret")
@Plural("sealedsecrets")
@Labels({SealedSecret.MANAGED_BY_LABEL + "=" + SealedSecret.MANAGED_BY})
public class SealedSecret extends CustomResource<SealedSecretSpec, SealedSecretStatus>
    implements Namespaced {
  public static final String GROUP = "bitnami.com";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String CRD_NAME = "sealedsecrets." + GROUP;
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "cairn";

  /** On a Secret: the controller may take it over although a SealedSecret does not own it. */
  public static final String MANAGED_ANNOTATION = "sealedsecrets.bitnami.com/managed";

  /** On the template: the Secret gets no owner reference (it outlives its SealedSecret). */
  public static final String SKIP_OWNER_REFERENCES_ANNOTATION =
      "sealedsecrets.bitnami.com/skip-set-owner-references";

  /** The label of a sealing key Secret; the value {@value #ACTIVE_KEY} marks a usable key. */
  public static final String SEALING_KEY_LABEL = "sealedsecrets.bitnami.com/sealed-secrets-key";

  public static final String ACTIVE_KEY = "active";
}
