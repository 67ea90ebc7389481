package dev.cairn.engine.image;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.image.ImageRef;
import dev.cairn.api.image.ImageRepository;
import dev.cairn.api.image.ImageRepositorySpec;
import dev.cairn.engine.ReconcileException;
import dev.cairn.image.registry.ImageName;
import dev.cairn.image.registry.TagListRequest;
import dev.cairn.image.registry.TagLister;
import dev.cairn.source.SourceException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

/**
 * {@code spec.digestReflectionPolicy}: {@code Never} (default) leaves the digest out; {@code
 * IfNotPresent} looks it up once per picked tag; {@code Always} looks it up on every run (the
 * policy's {@code interval}), to follow a moving tag. The look-up uses the ImageRepository's
 * credentials and TLS.
 */
final class DigestReflection {
  enum Mode {
    NEVER,
    IF_NOT_PRESENT,
    ALWAYS
  }

  private final RegistryAccess access;
  private final TagLister lister;

  DigestReflection(RegistryAccess access, TagLister lister) {
    this.access = access;
    this.lister = lister;
  }

  static DigestReflection defaults(KubernetesClient client) {
    return new DigestReflection(new RegistryAccess(client), new TagLister());
  }

  static Mode mode(String value) {
    if (value == null || value.isEmpty() || value.equals("Never")) {
      return Mode.NEVER;
    }
    if (value.equals("IfNotPresent")) {
      return Mode.IF_NOT_PRESENT;
    }
    if (value.equals("Always")) {
      return Mode.ALWAYS;
    }
    throw new ReconcileException.Stalled(
        ConditionReasons.INVALID_SPEC,
        "spec.digestReflectionPolicy '" + value + "' must be Never, IfNotPresent or Always");
  }

  /** The digest to record for the run's tag, or null. */
  String digest(ImagePolicyRun run, ImageRef previous, String image) {
    Mode mode = mode(run.object().getSpec().digestReflectionPolicy());
    if (mode == Mode.NEVER) {
      return null;
    }
    if (mode == Mode.IF_NOT_PRESENT
        && previous != null
        && run.tag().equals(previous.tag())
        && image.equals(previous.name())
        && previous.digest() != null) {
      return previous.digest();
    }
    ImageRepository repository = run.repository();
    ImageRepositorySpec spec = repository.getSpec();
    String namespace = repository.getMetadata().getNamespace();
    ImageName name = ImageName.parse(spec.image());
    TagListRequest request =
        TagListRequest.of(name)
            .withCredentials(access.credentials(namespace, spec, name.registry()))
            .withTls(access.tls(namespace, spec))
            .withInsecure(Boolean.TRUE.equals(spec.insecure()))
            .withTimeout(Duration.ofSeconds(60));
    try {
      return lister.digest(request, run.tag());
    } catch (SourceException e) {
      throw new ReconcileException.Failed(ImageReasons.READ_FAILED, e.getMessage());
    }
  }
}
