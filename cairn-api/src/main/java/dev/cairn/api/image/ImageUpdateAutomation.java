package dev.cairn.api.image;

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

/**
 * Setter markers in a Git repository rewritten to the policies' picks, committed and pushed; Flux's
 * {@code ImageUpdateAutomation}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(CairnApi.GROUP)
@Version(CairnApi.VERSION)
@Kind("ImageUpdateAutomation")
@Singular("imageupdateautomation")
@Plural("imageupdateautomations")
@ShortNames("iua")
@AdditionalPrinterColumn(
    name = "LastPush",
    jsonPath = ".status.lastPushCommit",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Status",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].message",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ImageUpdateAutomation
    extends CustomResource<ImageUpdateAutomationSpec, ImageUpdateAutomationStatus>
    implements Namespaced {}
