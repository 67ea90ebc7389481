package dev.cairn.manifest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain YAML timestamps in the forms go-yaml accepts, turned into the RFC 3339 text that Go's JSON
 * encoding of a time gives (what kustomize prints for them).
 */
final class Timestamps {

  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
              + "(?:([Tt ])(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d+))?"
              + "(Z|[+-]\\d{2}:\\d{2})?)?");

  private static final DateTimeFormatter RFC3339_NANO =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .appendOffset("+HH:MM", "Z")
          .toFormatter();

  private Timestamps() {}

  /** The RFC 3339 form of {@code text}, or null when it is not a timestamp. */
  static String toRfc3339(String text) {
    if (text.length() < 8 || text.length() > 40 || !Character.isDigit(text.charAt(0))) {
      return null;
    }
    Matcher m = TIMESTAMP.matcher(text);
    if (!m.matches()) {
      return null;
    }
    boolean hasTime = m.group(4) != null;
    String zone = m.group(9);
    // Go's layouts: after 'T' or 't' the zone is required; after a space there is none.
    if (hasTime && m.group(4).equals(" ") == (zone != null)) {
      return null;
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      if (!hasTime) {
        return RFC3339_NANO.format(date.atStartOfDay().atOffset(ZoneOffset.UTC));
      }
      String fraction = m.group(8) == null ? "" : m.group(8);
      // Go reads any number of fraction digits and keeps nanoseconds.
      int nanos =
          fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
      LocalDateTime time =
          date.atTime(
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)),
              Integer.parseInt(m.group(7)),
              nanos);
      ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone);
      return RFC3339_NANO.format(OffsetDateTime.of(time, offset));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
