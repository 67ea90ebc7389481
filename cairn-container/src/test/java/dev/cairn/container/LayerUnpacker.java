package dev.cairn.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Unpacks an image's layers into a directory, keeping the files' permission bits. */
final class LayerUnpacker {
  private static final PosixFilePermission[] BITS = {
    PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ
  };

  private LayerUnpacker() {}

  static void unpack(ImageTar image, Path root) {
    image.visitLayers(
        (entry, content) -> {
          Path target = root.resolve(entry.path().substring(1)).normalize();
          if (!target.startsWith(root)) {
            throw new IOException("layer entry outside the root: " + entry.path());
          }
          if (entry.directory()) {
            Files.createDirectories(target);
            return;
          }
          if (entry.symlink()) {
            throw new IOException(
                "the image's layers are expected to hold no symlinks: " + entry.path());
          }
          Files.createDirectories(target.getParent());
          Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(target, permissions(entry.mode() | 0200));
        });
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < BITS.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        permissions.add(BITS[bit]);
      }
    }
    return permissions;
  }
}
