package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The metadata of a generated Application, as Argo CD's {@code ApplicationSetTemplateMeta}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSetTemplateMeta(
    String name,
    String namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<String> finalizers) {}
