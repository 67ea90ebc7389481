package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.api.argo.ApplicationSetSpec;
import dev.cairn.manifest.KubeObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the parameter sets of a set's generators into Applications: the set's template (with the
 * generator's {@code template} override) rendered with each set, {@code templatePatch} rendered and
 * merged on top, in the set's namespace. Two sets that render the same Application name are an
 * error naming both.
 */
public final class ApplicationRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final ParamRenderer renderer;

  public ApplicationRenderer(ParamRenderer renderer) {
    this.renderer = renderer;
  }

  /** The Applications of {@code outputs} (in generator order), for the set in {@code namespace}. */
  public List<GeneratedApplication> render(
      ApplicationSetSpec spec, List<GeneratorOutput> outputs, String namespace) {
    JsonNode base = JSON.valueToTree(spec.template());
    Map<String, GeneratedApplication> byName = new LinkedHashMap<>();
    for (int g = 0; g < outputs.size(); g++) {
      GeneratorOutput output = outputs.get(g);
      JsonNode template = TemplateMerge.override(base, output.template());
      String generator = "spec.generators[" + g + "]";
      for (Map<String, Object> params : output.params()) {
        GeneratedApplication app = renderOne(spec, template, params, namespace, generator);
        GeneratedApplication earlier = byName.putIfAbsent(app.name(), app);
        if (earlier != null) {
          throw new GeneratorException(
              "two parameter sets generate the Application '"
                  + app.name()
                  + "': "
                  + earlier.generator()
                  + " with "
                  + earlier.params()
                  + " and "
                  + generator
                  + " with "
                  + params);
        }
      }
    }
    return new ArrayList<>(byName.values());
  }

  private GeneratedApplication renderOne(
      ApplicationSetSpec spec,
      JsonNode template,
      Map<String, Object> params,
      String namespace,
      String generator) {
    JsonNode rendered =
        template == null ? JSON.createObjectNode() : renderer.render(template, params);
    if (spec.templatePatch() != null && !spec.templatePatch().isBlank()) {
      JsonNode patch =
          renderer.render(JSON.getNodeFactory().textNode(spec.templatePatch()), params);
      rendered = TemplateMerge.mergePatch(rendered, parsePatch(patch.asText(), generator));
    }
    ObjectNode metadata = JSON.createObjectNode();
    JsonNode meta = rendered.path("metadata");
    String name = meta.path("name").asText("");
    if (name.isEmpty()) {
      throw new GeneratorException(
          "the template renders no Application name for " + generator + " with " + params);
    }
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    for (String field : List.of("labels", "annotations", "finalizers")) {
      if (meta.has(field) && !meta.get(field).isNull() && !meta.get(field).isEmpty()) {
        metadata.set(field, meta.get(field));
      }
    }
    ObjectNode app = JSON.createObjectNode();
    app.put("apiVersion", ApplicationSet.ARGO_API_VERSION);
    app.put("kind", "Application");
    app.set("metadata", metadata);
    app.set(
        "spec",
        rendered.path("spec").isMissingNode() ? JSON.createObjectNode() : rendered.get("spec"));
    KubeObject object = KubeObject.of(app);
    return new GeneratedApplication(object, params, generator, wave(object, generator));
  }

  private static JsonNode parsePatch(String text, String generator) {
    try {
      JsonNode patch = YAML.readTree(text);
      if (patch != null && !patch.isObject()) {
        throw new GeneratorException("spec.templatePatch must render an object for " + generator);
      }
      return patch;
    } catch (IOException e) {
      throw new GeneratorException(
          "spec.templatePatch is not YAML after rendering for "
              + generator
              + ": "
              + e.getMessage());
    }
  }

  private static int wave(KubeObject app, String generator) {
    String wave = app.annotations().get(ApplicationSet.SYNC_WAVE_ANNOTATION);
    if (wave == null || wave.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(wave.trim());
    } catch (NumberFormatException e) {
      throw new GeneratorException(
          "Application '"
              + app.name()
              + "' ("
              + generator
              + "): annotation "
              + ApplicationSet.SYNC_WAVE_ANNOTATION
              + " '"
              + wave
              + "' is not a whole number");
    }
  }
}
