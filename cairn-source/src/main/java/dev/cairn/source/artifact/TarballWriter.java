package dev.cairn.source.artifact;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a reproducible tar.gz: no timestamps (mtime 0 in tar and gzip headers), owner 0:0, modes
 * 0644/0755 for files and 0755 for directories. The same entries in the same order always give the
 * same bytes, so the same tree gets the same digest. Parent directories are added on demand.
 */
public final class TarballWriter implements Closeable {
  private final TarArchiveOutputStream tar;
  private final Set<String> directories = new HashSet<>();
  private int entries;

  public TarballWriter(OutputStream out) throws IOException {
    GzipParameters gzip = new GzipParameters();
    gzip.setModificationTime(0);
    gzip.setOperatingSystem(255);
    this.tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out, gzip), "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  /** Adds a directory entry (and its parents) unless it was already written. */
  public void addDirectory(String path) throws IOException {
    String clean = EntryPaths.requireRelative(path);
    if (clean.isEmpty() || directories.contains(clean)) {
      return;
    }
    int slash = clean.lastIndexOf('/');
    if (slash > 0) {
      addDirectory(clean.substring(0, slash));
    }
    TarArchiveEntry entry = new TarArchiveEntry(clean + "/");
    entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
    normalise(entry);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
    directories.add(clean);
    entries++;
  }

  /** Adds a regular file of exactly {@code size} bytes read from {@code content}. */
  public void addFile(String path, long size, boolean executable, InputStream content)
      throws IOException {
    String clean = EntryPaths.requireRelative(path);
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("a file needs a non-empty path");
    }
    int slash = clean.lastIndexOf('/');
    if (slash > 0) {
      addDirectory(clean.substring(0, slash));
    }
    TarArchiveEntry entry = new TarArchiveEntry(clean);
    entry.setSize(size);
    entry.setMode(executable ? 0100755 : 0100644);
    normalise(entry);
    tar.putArchiveEntry(entry);
    long copied = content.transferTo(tar);
    if (copied != size) {
      throw new IOException(
          "file " + clean + " announced " + size + " bytes but delivered " + copied);
    }
    tar.closeArchiveEntry();
    entries++;
  }

  /** Adds a regular file whose content is in memory. */
  public void addFile(String path, byte[] content, boolean executable) throws IOException {
    addFile(path, content.length, executable, new java.io.ByteArrayInputStream(content));
  }

  public int entries() {
    return entries;
  }

  private static void normalise(TarArchiveEntry entry) {
    entry.setModTime(0);
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setUserName("");
    entry.setGroupName("");
  }

  @Override
  public void close() throws IOException {
    tar.finish();
    tar.close();
  }
}
