package dev.cairn.testkit.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A Git-over-SSH server on 127.0.0.1 and a free port: Apache MINA sshd accepting only public-key
 * auth for the authorized keys given, running JGit's upload-pack and receive-pack on bare
 * repositories under one directory. Its host key is generated at start; {@link #knownHostsLine()}
 * gives the line a client needs.
 */
public final class GitSshServer implements AutoCloseable {
  private final Path baseDirectory;
  private final SshServer server;
  private final KeyPair hostKey;
  private final List<PublicKey> authorized = new CopyOnWriteArrayList<>();

  private GitSshServer(Path baseDirectory) throws IOException {
    this.baseDirectory = baseDirectory;
    this.hostKey = SshKeys.generate();
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setPublickeyAuthenticator(
        (user, key, session) ->
            authorized.stream().anyMatch(known -> KeyUtils.compareKeys(known, key)));
    server.setCommandFactory((channel, command) -> new PackCommand(command));
    server.start();
  }

  /** Starts a server trusting the given client public keys. */
  public static GitSshServer start(Path baseDirectory, PublicKey... authorizedKeys) {
    try {
      Files.createDirectories(baseDirectory);
      GitSshServer server = new GitSshServer(baseDirectory);
      server.authorized.addAll(List.of(authorizedKeys));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Git SSH server", e);
    }
  }

  /** Creates an empty bare repository {@code <name>.git}; returns its {@code ssh://} URL. */
  public String createRepository(String name) {
    Path directory = repositoryDirectory(name);
    try (Repository repository =
        new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().build()) {
      repository.create(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create repository " + directory, e);
    }
    return url(name);
  }

  public String url(String name) {
    return "ssh://git@127.0.0.1:" + port() + "/" + name + ".git";
  }

  public Path repositoryDirectory(String name) {
    return baseDirectory.resolve(name + ".git");
  }

  public int port() {
    return server.getPort();
  }

  /** {@code [127.0.0.1]:<port> <type> <base64>} for a known_hosts file. */
  public String knownHostsLine() {
    return "[127.0.0.1]:" + port() + " " + SshKeys.publicKeyLine(hostKey.getPublic());
  }

  @Override
  public void close() {
    try {
      server.stop(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop Git SSH server", e);
    }
  }

  /** Runs {@code git-upload-pack '<path>'} or {@code git-receive-pack '<path>'} with JGit. */
  private final class PackCommand implements Command {
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    PackCommand(String command) {
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream value) {
      in = value;
    }

    @Override
    public void setOutputStream(OutputStream value) {
      out = value;
    }

    @Override
    public void setErrorStream(OutputStream value) {
      err = value;
    }

    @Override
    public void setExitCallback(ExitCallback value) {
      exit = value;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread worker = new Thread(this::run, "git-ssh-" + command);
      worker.setDaemon(true);
      worker.start();
    }

    private void run() {
      int code = 0;
      try {
        String[] parts = command.split(" ", 2);
        String path = parts.length < 2 ? "" : parts[1].replace("'", "").replaceFirst("^/+", "");
        Path directory = baseDirectory.resolve(path).normalize();
        if (!directory.startsWith(baseDirectory) || !Files.isDirectory(directory)) {
          throw new IOException("no repository at " + path);
        }
        try (Repository repository =
            new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().build()) {
          switch (parts[0]) {
            case "git-upload-pack" -> new UploadPack(repository).upload(in, out, err);
            case "git-receive-pack" -> new ReceivePack(repository).receive(in, out, err);
            default -> throw new IOException("unsupported command " + parts[0]);
          }
        }
      } catch (Exception e) {
        code = 1;
        try {
          err.write((e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
          // the client is gone; the exit code still reports the failure
        }
      } finally {
        try {
          out.flush();
          err.flush();
        } catch (IOException ignored) {
          // nothing left to tell a client whose channel is closed
        }
        exit.onExit(code);
      }
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }
}
