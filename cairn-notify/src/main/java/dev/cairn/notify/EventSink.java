package dev.cairn.notify;

/**
 * Where reconcilers hand their events: an implementation must return at once, whatever the
 * providers behind it do.
 */
public interface EventSink {
  /** Takes one event; never blocks and never throws. */
  void accept(NotifyEvent event);

  /** A sink that drops everything. */
  static EventSink none() {
    return event -> {};
  }
}
