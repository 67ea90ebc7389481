package dev.cairn.api.kustomize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cairn.api.CairnApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** Builds a directory of a source with Kustomize and applies it; Flux's {@code Kustomization}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(CairnApi.GROUP)
@Version(CairnApi.VERSION)
@Kind("Kustomization")
@Singular("kustomization")
@Plural("kustomizations")
@ShortNames("ks")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Status",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].message",
    type = AdditionalPrinterColumn.Type.STRING)
public class Kustomization extends CustomResource<KustomizationSpec, KustomizationStatus>
    implements Namespaced {}
