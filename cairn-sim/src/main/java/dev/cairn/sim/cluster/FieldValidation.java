package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * The {@code fieldValidation} parameter of create, update and (non-apply) patch, as kube-apiserver
 * honours it for unknown fields (k8s.io/apiserver {@code endpoints/handlers} create.go, update.go,
 * patch.go): {@code Strict} refuses the request, {@code Warn} (the default) drops the fields and
 * names each in a {@code Warning} header, {@code Ignore} drops them silently. Duplicate fields in
 * the request body are not detected. Server-side apply refuses undeclared fields whatever this says
 * (see {@link WriteHandler}).
 */
final class FieldValidation {
  private FieldValidation() {}

  /**
   * Checks a created or replacing object; returns the warnings to send.
   *
   * @throws ApiException 400 under {@code Strict} when the object has undeclared fields
   */
  static List<String> checkBody(
      ApiRequest request, ResourceType type, ObjectWriter writer, ObjectNode object) {
    List<String> unknown = unknownFields(type, writer, object);
    if (unknown.isEmpty() || isIgnore(request)) {
      return List.of();
    }
    if (!isStrict(request)) {
      return unknown;
    }
    throw ApiException.badRequest(
        type.kind()
            + " in version \""
            + type.version()
            + "\" cannot be handled as a "
            + type.kind()
            + ": "
            + strictDecodingError(unknown));
  }

  /**
   * Checks the object a JSON, merge or strategic merge patch produced; returns the warnings to
   * send.
   *
   * @throws ApiException 422 under {@code Strict} when the patched object has undeclared fields
   */
  static List<String> checkPatched(
      ApiRequest request, ResourceType type, ObjectWriter writer, ObjectNode patched) {
    List<String> unknown = unknownFields(type, writer, patched);
    if (unknown.isEmpty() || isIgnore(request)) {
      return List.of();
    }
    if (!isStrict(request)) {
      return unknown;
    }
    String detail = strictDecodingError(unknown);
    String cause =
        "Invalid value: " + Json.write(TextNode.valueOf(Json.write(patched))) + ": " + detail;
    throw new ApiException(
        422,
        "Invalid",
        " \"\" is invalid: patch: " + cause,
        List.of(new ApiException.Cause("FieldValueInvalid", cause, "patch")));
  }

  private static List<String> unknownFields(
      ResourceType type, ObjectWriter writer, ObjectNode object) {
    return writer.undeclaredFields(type, object).stream()
        .map(path -> "unknown field \"" + path.substring(1) + "\"")
        .toList();
  }

  private static String strictDecodingError(List<String> unknown) {
    return "strict decoding error: " + String.join(", ", unknown);
  }

  private static boolean isStrict(ApiRequest request) {
    return "Strict".equals(request.query().get("fieldValidation"));
  }

  private static boolean isIgnore(ApiRequest request) {
    return "Ignore".equals(request.query().get("fieldValidation"));
  }
}
