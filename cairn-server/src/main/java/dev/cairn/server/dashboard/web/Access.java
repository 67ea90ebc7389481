package dev.cairn.server.dashboard.web;

import dev.cairn.server.dashboard.fleet.FleetRef;
import java.util.Optional;

/** Who is asking, and what they may do. */
public interface Access {
  /** The user behind a request, or empty when it carries no valid credentials. */
  Optional<String> user(Credentials credentials);

  /** True when {@code user} may take {@code verb} (patch) on {@code ref}. */
  boolean mayAct(String user, String verb, FleetRef ref);

  /** True when {@code user} may take some action somewhere (false: a read-only user). */
  boolean mayActAtAll(String user);

  /** True when pages need a login (a bearer token); false on loopback without login. */
  boolean loginRequired();

  /**
   * What a request carries to identify its user.
   *
   * @param bearerToken from {@code Authorization: Bearer} or the login cookie, empty if none
   */
  record Credentials(Optional<String> bearerToken) {}

  /**
   * No login: every request is {@code user}; actions are allowed only when {@code actions}. What
   * {@code cairn up} uses on its loopback address.
   */
  static Access local(String user, boolean actions) {
    return new Access() {
      @Override
      public Optional<String> user(Credentials credentials) {
        return Optional.of(user);
      }

      @Override
      public boolean mayAct(String who, String verb, FleetRef ref) {
        return actions;
      }

      @Override
      public boolean mayActAtAll(String who) {
        return actions;
      }

      @Override
      public boolean loginRequired() {
        return false;
      }
    };
  }
}
