package dev.cairn.server.dashboard.web;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the dashboard serves.
 *
 * @param bind where to listen (port 0 picks a free one)
 * @param access who the users are and what they may do
 * @param secureCookies mark cookies {@code Secure} (always, except on plain-HTTP loopback)
 * @param artifactStore the artifact store of the controller in this process, for "diff with Git";
 *     null leaves the diff out
 */
public record DashboardSettings(
    InetSocketAddress bind, Access access, boolean secureCookies, Path artifactStore) {
  public DashboardSettings {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(access, "access");
  }

  /**
   * Loopback, any free port, no login, actions allowed, as {@code cairn up} serves it (plain HTTP
   * on 127.0.0.1, so cookies are not {@code Secure}).
   */
  public static DashboardSettings loopback() {
    return new DashboardSettings(
        new InetSocketAddress("127.0.0.1", 0),
        Access.local(System.getProperty("user.name", "local user"), true),
        false,
        null);
  }

  public DashboardSettings withBind(InetSocketAddress bind) {
    return new DashboardSettings(bind, access, secureCookies, artifactStore);
  }

  public DashboardSettings withAccess(Access access) {
    return new DashboardSettings(bind, access, secureCookies, artifactStore);
  }

  public DashboardSettings withArtifactStore(Path artifactStore) {
    return new DashboardSettings(bind, access, secureCookies, artifactStore);
  }

  public DashboardSettings withSecureCookies(boolean secureCookies) {
    return new DashboardSettings(bind, access, secureCookies, artifactStore);
  }
}
