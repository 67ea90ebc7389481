package dev.cairn.server.dashboard.web;

/** What a handler answers: status, content type and body (text). */
record WebResponse(int status, String contentType, String body) {
  static final String HTML = "text/html; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";

  static WebResponse html(String body) {
    return new WebResponse(200, HTML, body);
  }

  static WebResponse error(int status, String message) {
    return new WebResponse(status, TEXT, message + "\n");
  }
}
