package dev.cairn.sim.cluster;

import java.util.Map;

/**
 * What the simulated API server answers: a status code and a JSON body, or, for a watch, the watch
 * to attach to the WebSocket the request is upgraded to; {@code headers} are extra response headers
 * (an ETag, a redirect's Location).
 */
record ApiResponse(
    int code, String body, WatchHub.Watch watch, String contentType, Map<String, String> headers) {

  ApiResponse {
    headers = Map.copyOf(headers);
  }

  static ApiResponse json(int code, String body) {
    return new ApiResponse(code, body, null, "application/json", Map.of());
  }

  /** A JSON answer with extra headers. */
  static ApiResponse json(int code, String body, Map<String, String> headers) {
    return new ApiResponse(code, body, null, "application/json", headers);
  }

  /** A 200 whose body is a server-side Table of this version. */
  static ApiResponse table(String body, String version) {
    return new ApiResponse(200, body, null, TableOutput.contentType(version), Map.of());
  }

  static ApiResponse upgradeTo(WatchHub.Watch watch) {
    return new ApiResponse(101, null, watch, null, Map.of());
  }

  boolean isWatch() {
    return watch != null;
  }
}
