package dev.cairn.controller;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;

/**
 * A client configuration read from a kubeconfig file whose user has no credential that can change
 * (no token, token file, auth provider or exec plugin: client certificates, or no authentication at
 * all) does not keep the file. The Kubernetes client otherwise reads and parses the whole file
 * again before every request once its first minute has passed: its refresh of such a user finds no
 * token and so never records that it refreshed. Configurations with a changeable credential are
 * returned as they are.
 */
public final class KubeconfigFiles {
  private KubeconfigFiles() {}

  /**
   * {@code config}, or a copy of it without its kubeconfig file when nothing in the file can be
   * refreshed.
   */
  public static Config withoutRereads(Config config) {
    if (config.getFile() == null
        || config.getOauthTokenProvider() != null
        || config.getAuthProvider() != null
        || (config.getOauthToken() != null && !config.getOauthToken().isEmpty())) {
      return config;
    }
    AuthInfo user = currentUser(config);
    if (user == null
        || user.getExec() != null
        || user.getAuthProvider() != null
        || user.getToken() != null
        || user.getTokenFile() != null) {
      return config;
    }
    // the client finds the file through its current context's extra properties: a copy of the
    // context without them leaves a config with every setting but no file to read again
    Config copy = new ConfigBuilder(config).build();
    NamedContext context = config.getCurrentContext();
    copy.setCurrentContext(new NamedContext(context.getContext(), context.getName()));
    return copy.getFile() == null && !Boolean.TRUE.equals(copy.getAutoConfigure()) ? copy : config;
  }

  /** The user of the config's current context as the file declares it; null when unknown. */
  private static AuthInfo currentUser(Config config) {
    if (config.getCurrentContext() == null || config.getCurrentContext().getContext() == null) {
      return null;
    }
    String name = config.getCurrentContext().getContext().getUser();
    io.fabric8.kubernetes.api.model.Config file;
    try (InputStream in = Files.newInputStream(config.getFile().toPath())) {
      file =
          new KubernetesSerialization().unmarshal(in, io.fabric8.kubernetes.api.model.Config.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    List<NamedAuthInfo> users = file == null ? null : file.getUsers();
    if (users == null) {
      return null;
    }
    return users.stream()
        .filter(u -> Objects.equals(u.getName(), name))
        .map(NamedAuthInfo::getUser)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
