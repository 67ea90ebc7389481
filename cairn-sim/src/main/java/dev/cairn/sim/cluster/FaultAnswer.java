package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The HTTP answer to a faulted request, shaped as kube-apiserver shapes it.
 *
 * @param retryAfterSeconds the {@code Retry-After} header, or null for none
 * @param delay how long to hold the request before answering
 */
record FaultAnswer(
    int code, String contentType, String body, Long retryAfterSeconds, Duration delay) {
  static final String TOO_MANY = "Too many requests, please try again later.";
  static final String TIMED_OUT =
      "request did not complete within requested timeout - context deadline exceeded";

  static FaultAnswer of(Fault fault) {
    if (fault instanceof Fault.InternalError e) {
      ObjectNode status = status(500, "InternalError", "Internal error occurred: " + e.message());
      status.putObject("details").putArray("causes").addObject().put("message", e.message());
      return json(500, status, null, Duration.ZERO);
    }
    if (fault instanceof Fault.TooManyRequests t) {
      return tooMany(t);
    }
    Fault.Timeout t = (Fault.Timeout) fault;
    ObjectNode status = status(504, "Timeout", "Timeout: " + TIMED_OUT);
    status.putObject("details");
    return json(504, status, null, t.after());
  }

  private static FaultAnswer tooMany(Fault.TooManyRequests t) {
    long seconds = t.retryAfter().toSeconds();
    if (!t.asStatus()) {
      // http.Error in the max-in-flight filter: plain text with a trailing newline
      return new FaultAnswer(
          429, "text/plain; charset=utf-8", TOO_MANY + "\n", seconds, Duration.ZERO);
    }
    ObjectNode status = status(429, "TooManyRequests", TOO_MANY);
    ObjectNode details = status.putObject("details");
    if (seconds > 0) {
      details.put("retryAfterSeconds", seconds);
    }
    return json(429, status, seconds, Duration.ZERO);
  }

  private static ObjectNode status(int code, String reason, String message) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure").put("message", message).put("reason", reason);
    return status;
  }

  private static FaultAnswer json(int code, ObjectNode status, Long retryAfter, Duration delay) {
    // details precede code in kube-apiserver's field order; move code last
    status.remove("code");
    status.put("code", code);
    return new FaultAnswer(code, "application/json", Json.write(status), retryAfter, delay);
  }
}
