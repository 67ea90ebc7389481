package dev.cairn.sim.cluster;

/**
 * What the simulated API server answers: a status code and a JSON body, or, for a watch, the watch
 * to attach to the WebSocket the request is upgraded to.
 */
record ApiResponse(int code, String body, WatchHub.Watch watch) {

  static ApiResponse json(int code, String body) {
    return new ApiResponse(code, body, null);
  }

  static ApiResponse upgradeTo(WatchHub.Watch watch) {
    return new ApiResponse(101, null, watch);
  }

  boolean isWatch() {
    return watch != null;
  }
}
