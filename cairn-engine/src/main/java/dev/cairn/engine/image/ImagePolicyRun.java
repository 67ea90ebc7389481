package dev.cairn.engine.image;

import dev.cairn.api.image.ImagePolicy;
import dev.cairn.api.image.ImagePolicyStatus;
import dev.cairn.api.image.ImageRepository;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import dev.cairn.image.policy.TagFilter;
import dev.cairn.image.policy.TagPolicy;
import java.time.Clock;
import java.util.List;

/** The state of one ImagePolicy evaluation. */
public final class ImagePolicyRun extends Run<ImagePolicyStatus> {
  private final ImagePolicy object;
  private TagPolicy policy;
  private TagFilter filter;
  private ImageRepository repository;
  private String tag;

  ImagePolicyRun(ImagePolicy object, Trigger trigger, ImagePolicyStatus draft, Clock clock) {
    super(
        new ResourceKey(
            "ImagePolicy", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        List.of(),
        draft,
        clock);
    this.object = object;
  }

  public ImagePolicy object() {
    return object;
  }

  TagPolicy policy() {
    return policy;
  }

  TagFilter filter() {
    return filter;
  }

  void ordering(TagPolicy policy, TagFilter filter) {
    this.policy = policy;
    this.filter = filter;
  }

  ImageRepository repository() {
    return repository;
  }

  void repository(ImageRepository repository) {
    this.repository = repository;
  }

  String tag() {
    return tag;
  }

  void tag(String tag) {
    this.tag = tag;
  }
}
