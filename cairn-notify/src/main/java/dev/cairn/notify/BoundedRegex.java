package dev.cairn.notify;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A regular expression matched against a deadline: the input is read through a view that gives up
 * once the time limit is spent, so a pathological pattern (catastrophic backtracking) cannot stall
 * the pipeline. Java's regex engine has no timeout of its own.
 */
public final class BoundedRegex {
  private final Pattern pattern;

  private BoundedRegex(Pattern pattern) {
    this.pattern = pattern;
  }

  /**
   * @throws IllegalArgumentException naming the expression when it does not compile
   */
  public static BoundedRegex compile(String expression) {
    try {
      return new BoundedRegex(Pattern.compile(expression));
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "invalid regular expression '" + expression + "': " + e.getDescription(), e);
    }
  }

  public String expression() {
    return pattern.pattern();
  }

  /**
   * True when the expression matches somewhere in {@code input} (Go's {@code regexp.MatchString}).
   *
   * @throws TimedOut when matching took longer than {@code limit}
   */
  public boolean find(String input, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    return pattern.matcher(new Deadlined(input, deadline, pattern.pattern())).find();
  }

  /** The time limit was spent before the match ended. */
  public static final class TimedOut extends RuntimeException {
    TimedOut(String expression) {
      super("regular expression '" + expression + "' exceeded its time limit", null, false, false);
    }
  }

  private record Deadlined(CharSequence text, long deadline, String expression)
      implements CharSequence {
    @Override
    public char charAt(int index) {
      if (System.nanoTime() > deadline) {
        throw new TimedOut(expression);
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Deadlined(text.subSequence(start, end), deadline, expression);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
