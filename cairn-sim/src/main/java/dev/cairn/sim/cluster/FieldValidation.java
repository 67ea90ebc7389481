package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code fieldValidation} parameter of create, update and (non-apply) patch, as kube-apiserver
 * honours it for unknown fields (k8s.io/apiserver {@code endpoints/handlers} create.go, update.go,
 * patch.go): {@code Strict} refuses the request, {@code Warn} (the default) drops the fields and
 * names each in a {@code Warning} header, {@code Ignore} drops them silently. Duplicate fields in
 * the request body are not detected. Server-side apply refuses undeclared fields whatever this says
 * (see {@link WriteHandler}).
 */
final class FieldValidation {
  private static final Pattern STEP = Pattern.compile("([^\\[]*)((?:\\[\\d+\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

  private FieldValidation() {}

  /**
   * Checks a created or replacing object; returns the warnings to send.
   *
   * @throws ApiException 400 under {@code Strict} when the object has undeclared fields
   */
  static List<String> checkBody(
      ApiRequest request, ResourceType type, ObjectWriter writer, ObjectNode object) {
    List<String> paths = writer.undeclaredFields(type, object);
    if (paths.isEmpty()) {
      return List.of();
    }
    if (!isStrict(request)) {
      return drop(request, object, paths);
    }
    throw ApiException.badRequest(
        type.kind()
            + " in version \""
            + type.version()
            + "\" cannot be handled as a "
            + type.kind()
            + ": "
            + strictDecodingError(paths));
  }

  /**
   * Checks the object a JSON, merge or strategic merge patch produced; returns the warnings to
   * send.
   *
   * @throws ApiException 422 under {@code Strict} when the patched object has undeclared fields
   */
  static List<String> checkPatched(
      ApiRequest request, ResourceType type, ObjectWriter writer, ObjectNode patched) {
    List<String> paths = writer.undeclaredFields(type, patched);
    if (paths.isEmpty()) {
      return List.of();
    }
    if (!isStrict(request)) {
      return drop(request, patched, paths);
    }
    String detail = strictDecodingError(paths);
    String cause =
        "Invalid value: " + Json.write(TextNode.valueOf(Json.write(patched))) + ": " + detail;
    throw new ApiException(
        422,
        "Invalid",
        " \"\" is invalid: patch: " + cause,
        List.of(new ApiException.Cause("FieldValueInvalid", cause, "patch")));
  }

  /**
   * Drops the undeclared fields now, as the API server's decoder does, so that managedFields never
   * record them; returns the warnings ({@code Warn}) or nothing ({@code Ignore}).
   */
  private static List<String> drop(ApiRequest request, ObjectNode object, List<String> paths) {
    paths.forEach(path -> remove(object, path.substring(1)));
    return isIgnore(request) ? List.of() : paths.stream().map(FieldValidation::unknown).toList();
  }

  /** Removes {@code spec.items[0].colour} from the object, if it is there. */
  private static void remove(ObjectNode object, String path) {
    String[] parts = path.split("\\.");
    JsonNode node = object;
    for (int i = 0; i < parts.length - 1 && node != null; i++) {
      Matcher step = STEP.matcher(parts[i]);
      if (!step.matches()) {
        return;
      }
      node = node.get(step.group(1));
      Matcher index = INDEX.matcher(step.group(2));
      while (node != null && index.find()) {
        node = node.get(Integer.parseInt(index.group(1)));
      }
    }
    if (node instanceof ObjectNode parent) {
      parent.remove(parts[parts.length - 1]);
    }
  }

  private static String unknown(String path) {
    return "unknown field \"" + path.substring(1) + "\"";
  }

  private static String strictDecodingError(List<String> paths) {
    return "strict decoding error: "
        + String.join(", ", paths.stream().map(FieldValidation::unknown).toList());
  }

  private static boolean isStrict(ApiRequest request) {
    return "Strict".equals(request.query().get("fieldValidation"));
  }

  private static boolean isIgnore(ApiRequest request) {
    return "Ignore".equals(request.query().get("fieldValidation"));
  }
}
