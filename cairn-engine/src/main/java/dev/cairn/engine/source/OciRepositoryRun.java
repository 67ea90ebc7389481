package dev.cairn.engine.source;

import dev.cairn.api.source.OCIRepository;
import dev.cairn.api.source.OciRepositoryStatus;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import dev.cairn.source.TlsSettings;
import dev.cairn.source.helm.HelmCredentials;
import dev.cairn.source.oci.OciArtifactResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The state of one OCIRepository reconciliation. */
public final class OciRepositoryRun extends Run<OciRepositoryStatus> {
  private final OCIRepository object;
  private Duration timeout;
  private HelmCredentials credentials = HelmCredentials.none();
  private TlsSettings tls = TlsSettings.none();
  private OciArtifactResult fetched;

  OciRepositoryRun(OCIRepository object, Trigger trigger, OciRepositoryStatus draft, Clock clock) {
    super(
        new ResourceKey(
            "OCIRepository", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        List.of(),
        draft,
        clock);
    this.object = object;
  }

  public OCIRepository object() {
    return object;
  }

  Duration timeout() {
    return timeout;
  }

  void timeout(Duration timeout) {
    this.timeout = timeout;
  }

  /** Registry credentials from {@code spec.secretRef}; never logged. */
  HelmCredentials credentials() {
    return credentials;
  }

  TlsSettings tls() {
    return tls;
  }

  void access(HelmCredentials credentials, TlsSettings tls) {
    this.credentials = credentials;
    this.tls = tls;
  }

  public OciArtifactResult fetched() {
    return fetched;
  }

  void fetched(OciArtifactResult fetched) {
    this.fetched = fetched;
    loggerContext().put("revision", fetched.revision());
  }
}
