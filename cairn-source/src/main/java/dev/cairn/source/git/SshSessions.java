package dev.cairn.source.git;

import dev.cairn.source.artifact.DirectoryTrees;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Builds one JGit sshd session factory per fetch from values: the private key is parsed in memory
 * (never written to disk), the known_hosts lines go to a private temp directory that also holds an
 * ssh config with {@code StrictHostKeyChecking yes}, and nothing from the user's {@code ~/.ssh} is
 * read. An unknown or mismatching host key is refused.
 */
final class SshSessions {
  private final Path workDirectory;

  SshSessions(Path workDirectory) {
    this.workDirectory = workDirectory;
  }

  /** A factory for one fetch; closing it deletes its temp directory. */
  PerFetch factoryFor(GitCredentials credentials) {
    try {
      Files.createDirectories(workDirectory);
      Path home = Files.createTempDirectory(workDirectory, "ssh-");
      Path knownHosts = home.resolve("known_hosts");
      Files.writeString(
          knownHosts,
          credentials.knownHosts() == null ? "" : credentials.knownHosts(),
          StandardCharsets.UTF_8);
      Path config = home.resolve("config");
      Files.writeString(
          config,
          "Host *\n  StrictHostKeyChecking yes\n" + "  PreferredAuthentications publickey\n",
          StandardCharsets.UTF_8);
      List<KeyPair> keys = credentials.hasIdentity() ? parse(credentials) : List.of();
      SshdSessionFactory factory =
          new SshdSessionFactoryBuilder()
              .setHomeDirectory(home.toFile())
              .setSshDirectory(home.toFile())
              .setConfigFile(dir -> config.toFile())
              .setDefaultKnownHostsFiles(dir -> List.of(knownHosts))
              .setDefaultIdentities(dir -> List.of())
              .setDefaultKeysProvider(dir -> keys)
              .setPreferredAuthentications("publickey")
              .build(null);
      return new PerFetch(factory, home);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare SSH session directory", e);
    }
  }

  private static List<KeyPair> parse(GitCredentials credentials) throws IOException {
    FilePasswordProvider passwords =
        credentials.passphrase() == null
            ? FilePasswordProvider.EMPTY
            : FilePasswordProvider.of(credentials.passphrase());
    try {
      Iterable<KeyPair> pairs =
          SecurityUtils.loadKeyPairIdentities(
              null,
              NamedResource.ofName("identity"),
              new ByteArrayInputStream(credentials.identity().getBytes(StandardCharsets.UTF_8)),
              passwords);
      if (pairs == null) {
        throw new IOException("the SSH identity holds no key");
      }
      List<KeyPair> list = new java.util.ArrayList<>();
      pairs.forEach(list::add);
      return List.copyOf(list);
    } catch (GeneralSecurityException e) {
      throw new IOException("the SSH identity cannot be decoded (wrong passphrase?)", null);
    }
  }

  /** JGit's factory for one fetch plus its temp directory, removed on close. */
  record PerFetch(SshdSessionFactory factory, Path home) implements AutoCloseable {
    @Override
    public void close() {
      factory.close();
      DirectoryTrees.deleteQuietly(home);
    }
  }
}
