package dev.cairn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Cairn was built as, read from a resource Maven fills in at build time. */
public final class CairnVersion implements IVersionProvider {

  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = CairnVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"cairn " + version()};
  }
}
