package dev.cairn.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns failures into a one-line message on stderr and an exit code. Stack
 * traces are shown only with {@code CAIRN_DEBUG=1}: users get what went wrong and where.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    if (e instanceof ParameterException usage) {
      return handleParseException(usage, new String[0]);
    }
    PrintWriter err = cli.getErr();
    int code = e instanceof CliException cliException ? cliException.exitCode() : ExitCode.FAILED;
    err.println("error: " + oneLine(e));
    if (debug()) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("error: " + e.getMessage());
    err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE;
  }

  static String oneLine(Throwable e) {
    if (e instanceof KubernetesClientException refused
        && refused.getStatus() != null
        && refused.getStatus().getMessage() != null
        && refused.getCode() >= 400) {
      // The API server's own message, not fabric8's dump of the whole Status object.
      return "the cluster refused a request ("
          + refused.getCode()
          + "): "
          + oneLineOf(new IllegalStateException(refused.getStatus().getMessage()));
    }
    if (e instanceof KubernetesClientException) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof java.io.IOException) {
        return "cannot reach the cluster: " + oneLineOf(cause);
      }
    }
    return oneLineOf(e);
  }

  private static String oneLineOf(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return message.strip().replace('\n', ' ');
  }

  private static boolean debug() {
    return "1".equals(System.getenv("CAIRN_DEBUG"));
  }
}
