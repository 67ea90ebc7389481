package dev.cairn.notify.provider;

import dev.cairn.notify.NotifyEvent;

/** Sends one event to one provider. */
public interface Notifier {
  void post(NotifyEvent event) throws NotifyException;
}
