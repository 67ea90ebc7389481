package dev.cairn.api.helm;

/** What an upgrade does when the chart name changed: upgrade in place or reinstall. */
public enum ChartNameChangeStrategy {
  InPlaceUpdate,
  Reinstall
}
