package dev.cairn.cli.up;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the project's {@code examples/fleet}, from the jar (or classes) up, then from here. */
public final class FleetLocation {

  private FleetLocation() {}

  public static Path exampleFleet() {
    return search(codeLocation())
        .or(() -> search(Path.of("").toAbsolutePath()))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "examples/fleet not found above "
                        + codeLocation()
                        + "; run from a Cairn checkout or pass --repo URL --path P"));
  }

  static Optional<Path> search(Path start) {
    for (Path at = start; at != null; at = at.getParent()) {
      Path fleet = at.resolve("examples").resolve("fleet");
      if (Files.isDirectory(fleet.resolve("clusters"))) {
        return Optional.of(fleet);
      }
    }
    return Optional.empty();
  }

  private static Path codeLocation() {
    try {
      return Path.of(
              FleetLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath();
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("").toAbsolutePath();
    }
  }
}
