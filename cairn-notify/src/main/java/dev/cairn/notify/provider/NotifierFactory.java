package dev.cairn.notify.provider;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Provider type to its {@link Notifier} class; types Cairn does not implement are refused. */
public final class NotifierFactory {

  /** Builds a notifier from settings and the provider's HTTP client. */
  @FunctionalInterface
  interface Maker {
    Notifier make(ProviderSettings settings, HttpSender http) throws NotifyException;
  }

  private static final Map<String, Maker> MAKERS =
      Map.ofEntries(
          Map.entry("generic", (s, h) -> new GenericNotifier(s, h, false)),
          Map.entry("generic-hmac", (s, h) -> new GenericNotifier(s, h, true)),
          Map.entry("slack", SlackNotifier::new),
          Map.entry("msteams", TeamsNotifier::new),
          Map.entry("discord", DiscordNotifier::new),
          Map.entry("rocket", RocketNotifier::new),
          Map.entry("webex", WebexNotifier::new),
          Map.entry("github", GitHubNotifier::new),
          Map.entry("gitlab", GitLabNotifier::new),
          Map.entry("gitea", GiteaNotifier::new));

  /** The commit-status providers: events without a revision are not for them. */
  public static final Set<String> COMMIT_STATUS_TYPES = Set.of("github", "gitlab", "gitea");

  private NotifierFactory() {}

  /** The provider types Cairn sends to, sorted. */
  public static Set<String> supported() {
    return new TreeSet<>(MAKERS.keySet());
  }

  /** Why {@code type} cannot be used, or empty when it can. */
  public static Optional<String> refusal(String type) {
    if (type != null && MAKERS.containsKey(type)) {
      return Optional.empty();
    }
    return Optional.of(
        "provider type '"
            + type
            + "' is not supported by Cairn; supported types: "
            + String.join(", ", supported()));
  }

  /**
   * The notifier of a Provider.
   *
   * @throws NotifyException (not retryable) for an unsupported type or unusable settings
   */
  public static Notifier create(ProviderSettings settings) throws NotifyException {
    Optional<String> refused = refusal(settings.type());
    if (refused.isPresent()) {
      throw new NotifyException(refused.get(), false);
    }
    if (settings.address() == null || settings.address().isEmpty()) {
      throw new NotifyException(
          settings.type() + " provider " + settings.id() + " has no address", false);
    }
    HttpSender http = new HttpSender(settings);
    http.validate();
    return MAKERS.get(settings.type()).make(settings, http);
  }
}
