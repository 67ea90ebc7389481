package dev.cairn.engine.source;

import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.HelmRepositoryStatus;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import dev.cairn.source.helm.HelmIndexResult;
import dev.cairn.source.helm.HelmRepositoryEndpoint;
import java.time.Clock;
import java.util.List;

/** The state of one HelmRepository reconciliation. */
public final class HelmRepositoryRun extends Run<HelmRepositoryStatus> {
  private final HelmRepository object;
  private HelmRepositoryEndpoint request;
  private HelmIndexResult fetched;

  HelmRepositoryRun(
      HelmRepository object, Trigger trigger, HelmRepositoryStatus draft, Clock clock) {
    super(
        new ResourceKey(
            "HelmRepository", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        List.of(),
        draft,
        clock);
    this.object = object;
  }

  public HelmRepository object() {
    return object;
  }

  /** The fetch request with credentials read from Secrets; never logged. */
  HelmRepositoryEndpoint request() {
    return request;
  }

  void request(HelmRepositoryEndpoint request) {
    this.request = request;
  }

  /** The fetched index; null for {@code type: oci}, which has none. */
  public HelmIndexResult fetched() {
    return fetched;
  }

  void fetched(HelmIndexResult fetched) {
    this.fetched = fetched;
    loggerContext().put("revision", fetched.digest());
  }
}
