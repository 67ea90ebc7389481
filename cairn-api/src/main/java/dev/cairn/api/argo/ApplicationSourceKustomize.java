package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Kustomize options of a source, as Argo CD's {@code spec.source.kustomize}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSourceKustomize(
    String namePrefix,
    String nameSuffix,
    List<String> images,
    Map<String, String> commonLabels,
    String version,
    Map<String, String> commonAnnotations,
    Boolean forceCommonLabels,
    Boolean forceCommonAnnotations,
    String namespace,
    Boolean commonAnnotationsEnvsubst,
    List<KustomizeReplica> replicas,
    List<KustomizePatch> patches,
    List<String> components,
    Boolean labelWithoutSelector,
    String kubeVersion,
    List<String> apiVersions,
    Boolean ignoreMissingComponents,
    Boolean labelIncludeTemplates) {}
