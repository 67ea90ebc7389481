package dev.cairn.source.artifact;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Unpacks a tar.gz into a new directory, refusing anything unsafe: entries that are absolute or
 * contain {@code ..}, symbolic links whose target leaves the directory, hard links, devices and
 * FIFOs, and archives above the {@link ExtractLimits}. On refusal nothing is left behind.
 *
 * <p>Decompression uses the JDK's gzip reader: Helm writes a gzip "extra" header field that is not
 * a well-formed subfield list, which commons-compress 1.28 rejects.
 */
public final class TarballExtractor {
  private final ExtractLimits limits;

  public TarballExtractor(ExtractLimits limits) {
    this.limits = limits;
  }

  /**
   * Extracts {@code archive} into {@code target}, which must not exist or be an empty directory.
   *
   * @return the number of entries extracted
   */
  public int extract(Path archive, Path target) throws SourceException {
    try (InputStream in = Files.newInputStream(archive)) {
      return extract(in, target, archive.getFileName().toString());
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED, "cannot read archive " + archive + ": " + e, e);
    }
  }

  /** Extracts a tar.gz stream; {@code name} only labels error messages. */
  public int extract(InputStream archive, Path target, String name) throws SourceException {
    Path root = prepare(target, name);
    try {
      return unpack(archive, root, name);
    } catch (SourceException | IOException | RuntimeException e) {
      DirectoryTrees.deleteQuietly(root);
      if (e instanceof SourceException se) {
        throw se;
      }
      throw new SourceException(
          SourceReason.ARTIFACT_FAILED, "cannot unpack archive " + name + ": " + e.getMessage(), e);
    }
  }

  private static Path prepare(Path target, String name) throws SourceException {
    try {
      Files.createDirectories(target);
      try (var listing = Files.list(target)) {
        if (listing.findAny().isPresent()) {
          throw new SourceException(
              SourceReason.STORAGE_OPERATION_FAILED,
              "cannot unpack " + name + ": target directory " + target + " is not empty");
        }
      }
      return target.toRealPath();
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot create directory " + target + " to unpack " + name + ": " + e,
          e);
    }
  }

  private int unpack(InputStream archive, Path root, String name)
      throws IOException, SourceException {
    long total = 0;
    int count = 0;
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GZIPInputStream(new BufferedInputStream(archive), 64 * 1024), "UTF-8")) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        count++;
        if (count > limits.maxEntries()) {
          throw refused(name, "has more than " + limits.maxEntries() + " entries");
        }
        String entryName = entry.getName();
        String unsafe = EntryPaths.whyUnsafe(entryName);
        if (unsafe != null) {
          throw refused(name, "entry '" + entryName + "' " + unsafe);
        }
        String relative = EntryPaths.requireRelative(entryName);
        if (relative.isEmpty()) {
          continue;
        }
        Path destination = root.resolve(relative).normalize();
        if (!destination.startsWith(root)) {
          throw refused(name, "entry '" + entryName + "' escapes the target directory");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
          requireInside(root, destination, name, entryName);
        } else if (entry.isSymbolicLink()) {
          writeSymlink(root, destination, entry, name);
        } else if (isRegularFile(entry)) {
          total += writeFile(tar, root, destination, entry, name, limits.maxTotalBytes() - total);
        } else {
          throw refused(name, "entry '" + entryName + "' is a " + typeOf(entry) + ", not allowed");
        }
      }
    }
    return count;
  }

  private long writeFile(
      InputStream tar,
      Path root,
      Path destination,
      TarArchiveEntry entry,
      String name,
      long remaining)
      throws IOException, SourceException {
    if (entry.getSize() > remaining) {
      throw refused(name, "is larger than " + limits.maxTotalBytes() + " bytes uncompressed");
    }
    Files.createDirectories(destination.getParent());
    requireInside(root, destination.getParent(), name, entry.getName());
    Files.deleteIfExists(destination);
    long written;
    try (OutputStream out =
        Files.newOutputStream(
            destination, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS)) {
      written = copyAtMost(tar, out, remaining);
    }
    if (written > remaining) {
      throw refused(name, "is larger than " + limits.maxTotalBytes() + " bytes uncompressed");
    }
    if ((entry.getMode() & 0100) != 0) {
      makeExecutable(destination);
    }
    return written;
  }

  private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) >= 0) {
      total += read;
      if (total > max) {
        return total;
      }
      out.write(buffer, 0, read);
    }
    return total;
  }

  private static void writeSymlink(Path root, Path destination, TarArchiveEntry entry, String name)
      throws IOException, SourceException {
    String linkName = entry.getLinkName();
    if (linkName == null || linkName.isEmpty() || linkName.startsWith("/")) {
      throw refused(
          name, "symbolic link '" + entry.getName() + "' has an absolute or empty target");
    }
    Path resolved = destination.getParent().resolve(linkName).normalize();
    if (!resolved.startsWith(root)) {
      throw refused(
          name, "symbolic link '" + entry.getName() + "' points outside the target directory");
    }
    Files.createDirectories(destination.getParent());
    requireInside(root, destination.getParent(), name, entry.getName());
    Files.deleteIfExists(destination);
    Files.createSymbolicLink(destination, destination.getParent().relativize(resolved));
  }

  /** Guards against writing through a symbolic link created by an earlier entry. */
  private static void requireInside(Path root, Path directory, String name, String entryName)
      throws IOException, SourceException {
    if (!directory.toRealPath().startsWith(root)) {
      throw refused(name, "entry '" + entryName + "' would be written outside the target");
    }
  }

  private static void makeExecutable(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      permissions.add(PosixFilePermission.OWNER_EXECUTE);
      permissions.add(PosixFilePermission.GROUP_EXECUTE);
      permissions.add(PosixFilePermission.OTHERS_EXECUTE);
      Files.setPosixFilePermissions(file, permissions);
    } catch (UnsupportedOperationException e) {
      file.toFile().setExecutable(true, false);
    }
  }

  private static boolean isRegularFile(TarArchiveEntry entry) {
    byte flag = entry.getLinkFlag();
    return flag == TarConstants.LF_NORMAL
        || flag == TarConstants.LF_OLDNORM
        || flag == TarConstants.LF_CONTIG;
  }

  private static String typeOf(TarArchiveEntry entry) {
    if (entry.isLink()) {
      return "hard link";
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice()) {
      return "device";
    }
    if (entry.isFIFO()) {
      return "FIFO";
    }
    return "special entry (type " + (char) entry.getLinkFlag() + ")";
  }

  private static SourceException refused(String archive, String why) {
    return new SourceException(SourceReason.ARTIFACT_FAILED, "archive " + archive + " " + why);
  }
}
