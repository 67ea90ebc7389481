package dev.cairn.sim.cluster;

/**
 * What the simulated API server answers: a status code and a JSON body, or, for a watch, the watch
 * to attach to the WebSocket the request is upgraded to.
 */
record ApiResponse(int code, String body, WatchHub.Watch watch, String contentType) {

  static ApiResponse json(int code, String body) {
    return new ApiResponse(code, body, null, "application/json");
  }

  /** A 200 whose body is a server-side Table of this version. */
  static ApiResponse table(String body, String version) {
    return new ApiResponse(200, body, null, TableOutput.contentType(version));
  }

  static ApiResponse upgradeTo(WatchHub.Watch watch) {
    return new ApiResponse(101, null, watch, null);
  }

  boolean isWatch() {
    return watch != null;
  }
}
