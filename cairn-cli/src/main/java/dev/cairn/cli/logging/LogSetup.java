package dev.cairn.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Replaces the command line's quiet default logging with the controller's: every logger at {@code
 * level} (libraries that chatter at INFO are held at WARN unless {@code debug} or {@code trace} is
 * asked for), one line per event on {@code target}.
 *
 * <p>JSON lines carry {@code ts}, {@code level}, {@code logger}, {@code msg} and the event's
 * key/value pairs as top-level fields (SLF4J's fluent {@code addKeyValue}), as Flux's controllers
 * log with zap; console lines print the same pairs as {@code key="value"} after the message.
 */
public final class LogSetup {
  /** Libraries whose INFO lines are about their own machinery, not about the user's objects. */
  private static final String[] CHATTY = {
    "io.javaoperatorsdk", "io.fabric8", "org.eclipse.jgit", "org.eclipse.jetty", "io.vertx"
  };

  private LogSetup() {}

  /** Parses {@code --log-level}: trace, debug, info, warn or error. */
  public static Level level(String name) {
    String value = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    return switch (value) {
      case "TRACE", "DEBUG", "INFO", "WARN", "ERROR" -> Level.toLevel(value);
      default ->
          throw new IllegalArgumentException(
              "unknown log level '" + name + "' (expected trace, debug, info, warn or error)");
    };
  }

  /** Configures the process's logging; later calls replace earlier ones. */
  public static void configure(LogEncoding encoding, Level level, PrintWriter target) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    Encoder<ILoggingEvent> encoder =
        encoding == LogEncoding.JSON ? jsonEncoder(context) : consoleEncoder(context);
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName(encoding.name().toLowerCase(Locale.ROOT));
    appender.setEncoder(encoder);
    appender.setImmediateFlush(true);
    appender.setOutputStream(new WriterOutputStream(target));
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level);
    root.addAppender(appender);
    if (level.isGreaterOrEqual(Level.INFO)) {
      for (String chatty : CHATTY) {
        context.getLogger(chatty).setLevel(Level.WARN);
      }
      // "multiple HTTP client factories on the classpath": true, harmless, and said at every start
      context.getLogger("io.fabric8.kubernetes.client.utils.HttpClientUtils").setLevel(Level.ERROR);
    }
  }

  private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.getFieldNames().setTimestamp("ts");
    encoder.getFieldNames().setMessage("msg");
    encoder.getFieldNames().setLogger("logger");
    encoder.getFieldNames().setThread("[ignore]");
    encoder.getFieldNames().setLevelValue("[ignore]");
    encoder.getFieldNames().setVersion("[ignore]");
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> consoleEncoder(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0}: %msg %kvp%n%ex");
    encoder.start();
    return encoder;
  }

  /** Hands each encoded line (UTF-8, written in one call by the appender) to a writer. */
  private static final class WriterOutputStream extends OutputStream {
    private final PrintWriter target;

    WriterOutputStream(PrintWriter target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      target.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
      target.flush();
    }
  }
}
