package dev.cairn.source.git;

import dev.cairn.source.Redactor;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.util.Locale;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;

/**
 * Turns JGit failures into {@link SourceException}s with a reason, a message saying what was
 * attempted where, and the JGit cause scrubbed of secrets.
 */
final class GitErrors {
  private GitErrors() {}

  static SourceException classify(String what, GitUrl url, Throwable error, Redactor redactor) {
    String detail = redactor.redact(deepestMessage(error));
    String message = what + " from " + url.display() + ": " + detail;
    return new SourceException(reasonOf(error), message, redactor.redact(error));
  }

  static SourceReason reasonOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NotSupportedException) {
        return SourceReason.URL_INVALID;
      }
      if (t instanceof NoRemoteRepositoryException) {
        return SourceReason.GIT_OPERATION_FAILED;
      }
      String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (text.contains("not authorized")
          || text.contains("authentication is required")
          || text.contains("authentication not supported")
          || text.contains("no more authentication methods")
          || text.contains("auth fail")
          || text.contains("authentication failed")) {
        return SourceReason.AUTHENTICATION_FAILED;
      }
      if (text.contains("remote does not have") || text.contains("couldn't find remote ref")) {
        return SourceReason.REFERENCE_NOT_FOUND;
      }
    }
    return SourceReason.GIT_OPERATION_FAILED;
  }

  private static String deepestMessage(Throwable error) {
    StringBuilder out = new StringBuilder();
    String last = null;
    for (Throwable t = error; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.isBlank() && (last == null || !last.contains(m))) {
        if (out.length() > 0) {
          out.append(": ");
        }
        out.append(m.strip());
        last = m;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return out.length() == 0 ? error.getClass().getSimpleName() : out.toString();
  }
}
