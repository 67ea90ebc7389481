package dev.cairn.engine.image;

import dev.cairn.api.image.ImageUpdateAutomation;
import dev.cairn.engine.ReconcileException;
import dev.cairn.image.setters.SetterChange;
import dev.cairn.render.gotemplate.GoTemplateEngine;
import dev.cairn.render.gotemplate.GoTemplateException;
import dev.cairn.render.gotemplate.GoTemplateOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commit message: {@code spec.git.commit.messageTemplate} (default Flux's {@code Update from
 * image update automation}) rendered as a Go template with Sprig, with Flux's data: {@code
 * .AutomationObject} ({@code .Name}, {@code .Namespace}), {@code .Changed.FileChanges} (file →
 * object → changes), {@code .Changed.Objects} (object → changes), {@code .Changed.Changes} (every
 * change: {@code .OldValue}, {@code .NewValue}, {@code .Setter}) and {@code .Values} ({@code
 * messageTemplateValues}). Objects are keyed by {@code Kind/namespace/name} text.
 */
final class CommitMessage {
  static final String DEFAULT_TEMPLATE = "Update from image update automation";

  private final GoTemplateEngine engine;

  CommitMessage(GoTemplateEngine engine) {
    this.engine = engine;
  }

  String render(ImageUpdateAutomation automation, List<SetterChange> changes) {
    var commit = automation.getSpec().git().commit();
    String template =
        commit.messageTemplate() == null || commit.messageTemplate().isEmpty()
            ? DEFAULT_TEMPLATE
            : commit.messageTemplate();
    try {
      return engine
          .render(
              Map.of("messageTemplate", template),
              data(automation, changes),
              GoTemplateOptions.defaults())
          .get("messageTemplate");
    } catch (GoTemplateException e) {
      throw new ReconcileException.Stalled(
          ImageReasons.INVALID_TEMPLATE, "spec.git.commit.messageTemplate: " + e.getMessage());
    }
  }

  static Map<String, Object> data(ImageUpdateAutomation automation, List<SetterChange> changes) {
    Map<String, Object> files = new TreeMap<>();
    Map<String, Object> objects = new TreeMap<>();
    List<Object> all = new ArrayList<>();
    for (SetterChange change : changes) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("OldValue", change.oldValue());
      entry.put("NewValue", change.newValue());
      entry.put("Setter", change.setter());
      all.add(entry);
      String object = objectKey(change.object());
      @SuppressWarnings("unchecked")
      Map<String, Object> inFile =
          (Map<String, Object>) files.computeIfAbsent(change.file(), f -> new TreeMap<>());
      listOf(inFile, object).add(entry);
      listOf(objects, object).add(entry);
    }
    Map<String, Object> changed = new LinkedHashMap<>();
    changed.put("FileChanges", files);
    changed.put("Objects", objects);
    changed.put("Changes", all);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(
        "AutomationObject",
        Map.of(
            "Name", automation.getMetadata().getName(),
            "Namespace", automation.getMetadata().getNamespace()));
    data.put("Changed", changed);
    Map<String, String> values = automation.getSpec().git().commit().messageTemplateValues();
    data.put("Values", values == null ? Map.of() : values);
    return data;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> listOf(Map<String, Object> map, String key) {
    return (List<Object>) map.computeIfAbsent(key, k -> new ArrayList<>());
  }

  private static String objectKey(SetterChange.ObjectId id) {
    return id.kind() + "/" + id.namespace() + "/" + id.name();
  }
}
