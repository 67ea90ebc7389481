package dev.cairn.notify.provider;

import dev.cairn.notify.NotifyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a Git provider's commit status is made of, as notification-controller forms it: the commit
 * of the event's revision, the status id ({@code kind/name/<first part of the Provider uid>}, lower
 * case) and the description (the reason split at its capitals, lower case).
 */
public record CommitStatus(String commit, String id, String description, boolean error) {
  private static final Pattern HEX = Pattern.compile("^[0-9a-f]{40}([0-9a-f]{24})?$");

  /**
   * The commit status an event asks for.
   *
   * @throws NotifyException when the event carries no revision, or one without a commit hash
   */
  public static CommitStatus of(NotifyEvent event, String providerUid) throws NotifyException {
    String revision =
        event.revision().orElseThrow(() -> new NotifyException("missing revision metadata", false));
    return new CommitStatus(
        commitOf(revision), id(event, providerUid), description(event.reason()), event.isError());
  }

  /**
   * The commit hash of a revision: {@code main@sha1:<hash>}, {@code sha1:<hash>}, the legacy {@code
   * main/<hash>}, or a bare hash.
   */
  public static String commitOf(String revision) throws NotifyException {
    String rest = revision;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      rest = rest.substring(at + 1);
    }
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      rest = rest.substring(colon + 1);
    }
    int slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      rest = rest.substring(slash + 1);
    }
    if (!HEX.matcher(rest).matches()) {
      throw new NotifyException(
          "failed to extract commit hash from '" + revision + "' revision", false);
    }
    return rest;
  }

  static String id(NotifyEvent event, String providerUid) {
    String uidPart = providerUid == null ? "" : providerUid.split("-", -1)[0];
    return (event.object().kind() + "/" + event.object().name() + "/" + uidPart)
        .toLowerCase(Locale.ROOT);
  }

  /** {@code ReconciliationSucceeded} becomes {@code reconciliation succeeded}. */
  static String description(String reason) {
    return String.join(" ", splitCamelCase(reason)).toLowerCase(Locale.ROOT);
  }

  static List<String> splitCamelCase(String text) {
    List<StringBuilder> runs = new ArrayList<>();
    int last = -1;
    for (int cp : text.codePoints().toArray()) {
      int cls =
          Character.isLowerCase(cp)
              ? 1
              : Character.isUpperCase(cp) ? 2 : Character.isDigit(cp) ? 3 : 4;
      if (cls != last || runs.isEmpty()) {
        runs.add(new StringBuilder());
      }
      runs.get(runs.size() - 1).appendCodePoint(cp);
      last = cls;
    }
    for (int i = 0; i < runs.size() - 1; i++) {
      StringBuilder run = runs.get(i);
      if (Character.isUpperCase(run.codePointAt(0))
          && Character.isLowerCase(runs.get(i + 1).codePointAt(0))) {
        int lastCp = run.codePointBefore(run.length());
        run.setLength(run.length() - Character.charCount(lastCp));
        runs.get(i + 1).insert(0, Character.toChars(lastCp));
      }
    }
    return runs.stream().map(StringBuilder::toString).filter(s -> !s.isEmpty()).toList();
  }
}
