package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A request the simulated API server refuses, carried to the dispatcher as a {@code Status}. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;
  private final List<Cause> causes;

  /** One entry of {@code Status.details.causes}. */
  record Cause(String reason, String message, String field) {}

  ApiException(int code, String reason, String message) {
    this(code, reason, message, List.of());
  }

  ApiException(int code, String reason, String message, List<Cause> causes) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.causes = List.copyOf(causes);
  }

  int code() {
    return code;
  }

  String reason() {
    return reason;
  }

  static ApiException notFound(ResourceType type, String name) {
    return new ApiException(
        404, "NotFound", type.qualifiedPlural() + " \"" + name + "\" not found");
  }

  static ApiException namespaceNotFound(String namespace) {
    return new ApiException(404, "NotFound", "namespaces \"" + namespace + "\" not found");
  }

  static ApiException noSuchResource() {
    return new ApiException(404, "NotFound", "the server could not find the requested resource");
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message);
  }

  static ApiException alreadyExists(ResourceType type, String name) {
    return new ApiException(
        409, "AlreadyExists", type.qualifiedPlural() + " \"" + name + "\" already exists");
  }

  static ApiException modified(ResourceType type, String name) {
    return new ApiException(
        409,
        "Conflict",
        "Operation cannot be fulfilled on "
            + type.qualifiedPlural()
            + " \""
            + name
            + "\": the object has been modified; please apply your changes to the latest version"
            + " and try again");
  }

  static ApiException unsupportedMediaType(String contentType) {
    return new ApiException(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include:"
            + " application/json-patch+json, application/merge-patch+json,"
            + " application/apply-patch+yaml (got "
            + contentType
            + ")");
  }

  /** The {@code Status} object a real API server would send. */
  ObjectNode toStatus(ResourceType type, String name) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure").put("message", getMessage());
    if (reason.isEmpty()) {
      // an error that is no API status (StatusReasonUnknown): no reason, no details
      status.put("code", code);
      return status;
    }
    status.put("reason", reason);
    ObjectNode details = status.putObject("details");
    if (name != null) {
      details.put("name", name);
    }
    if (type != null) {
      if (!type.group().isEmpty()) {
        details.put("group", type.group());
      }
      details.put("kind", type.plural());
    }
    if (!causes.isEmpty()) {
      ArrayNode list = details.putArray("causes");
      for (Cause cause : causes) {
        ObjectNode c =
            list.addObject().put("reason", cause.reason()).put("message", cause.message());
        if (cause.field() != null) {
          c.put("field", cause.field());
        }
      }
    }
    status.put("code", code);
    return status;
  }
}
