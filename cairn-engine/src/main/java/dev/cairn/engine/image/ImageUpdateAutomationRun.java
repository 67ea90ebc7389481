package dev.cairn.engine.image;

import dev.cairn.api.image.ImageRef;
import dev.cairn.api.image.ImageUpdateAutomation;
import dev.cairn.api.image.ImageUpdateAutomationStatus;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import dev.cairn.image.git.UpdateRequest;
import dev.cairn.image.git.UpdateResult;
import dev.cairn.image.setters.PolicyPick;
import dev.cairn.source.git.GitSourceSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The state of one ImageUpdateAutomation run. */
public final class ImageUpdateAutomationRun extends Run<ImageUpdateAutomationStatus> {
  private final ImageUpdateAutomation object;
  private GitSourceSpec source;
  private String checkoutBranch;
  private Map<String, PolicyPick> picks = Map.of();
  private Map<String, ImageRef> observed = Map.of();
  private UpdateResult result;
  private UpdateRequest request;

  ImageUpdateAutomationRun(
      ImageUpdateAutomation object,
      Trigger trigger,
      ImageUpdateAutomationStatus draft,
      Clock clock) {
    super(
        new ResourceKey(
            "ImageUpdateAutomation",
            object.getMetadata().getNamespace(),
            object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        List.of(),
        draft,
        clock);
    this.object = object;
  }

  public ImageUpdateAutomation object() {
    return object;
  }

  /** The GitRepository's URL, credentials and TLS; never logged. */
  GitSourceSpec source() {
    return source;
  }

  String checkoutBranch() {
    return checkoutBranch;
  }

  void source(GitSourceSpec source, String checkoutBranch) {
    this.source = source;
    this.checkoutBranch = checkoutBranch;
  }

  Map<String, PolicyPick> picks() {
    return picks;
  }

  Map<String, ImageRef> observed() {
    return observed;
  }

  void policies(Map<String, PolicyPick> picks, Map<String, ImageRef> observed) {
    this.picks = picks;
    this.observed = observed;
  }

  /** The last update's request (with credentials); never logged. */
  UpdateRequest request() {
    return request;
  }

  void request(UpdateRequest request) {
    this.request = request;
  }

  public UpdateResult result() {
    return result;
  }

  void result(UpdateResult result) {
    this.result = result;
  }
}
