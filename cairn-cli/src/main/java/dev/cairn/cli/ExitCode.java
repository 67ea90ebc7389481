package dev.cairn.cli;

/** The exit codes of every {@code cairn} command, in one place. */
public final class ExitCode {
  public static final int OK = 0;

  /** The command ran and found a problem: an object not Ready, a failed build, a refused input. */
  public static final int FAILED = 1;

  /** The command line itself was wrong: unknown option, missing argument. */
  public static final int USAGE = 2;

  /**
   * {@code cairn preview}: something could not be rendered, so the answer is incomplete (the same
   * value as {@link #USAGE}: either way there is no trustworthy result).
   */
  public static final int ERRORS = 2;

  /** The command exists but its feature is not available in this build. */
  public static final int NOT_READY = 3;

  private ExitCode() {}
}
