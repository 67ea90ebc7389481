package dev.cairn.engine.image;

import dev.cairn.api.image.ImageRepository;
import dev.cairn.api.image.ImageRepositoryStatus;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import dev.cairn.image.registry.ImageName;
import dev.cairn.image.registry.TagListRequest;
import java.time.Clock;
import java.util.List;

/** The state of one ImageRepository scan. */
public final class ImageRepositoryRun extends Run<ImageRepositoryStatus> {
  private final ImageRepository object;
  private ImageName image;
  private TagListRequest request;
  private List<com.google.re2j.Pattern> exclusions = List.of();

  ImageRepositoryRun(
      ImageRepository object, Trigger trigger, ImageRepositoryStatus draft, Clock clock) {
    super(
        new ResourceKey(
            "ImageRepository", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        List.of(),
        draft,
        clock);
    this.object = object;
  }

  public ImageRepository object() {
    return object;
  }

  ImageName image() {
    return image;
  }

  void image(ImageName image) {
    this.image = image;
  }

  /** The scan's request, with credentials; never logged. */
  TagListRequest request() {
    return request;
  }

  void request(TagListRequest request) {
    this.request = request;
  }

  List<com.google.re2j.Pattern> exclusions() {
    return exclusions;
  }

  void exclusions(List<com.google.re2j.Pattern> exclusions) {
    this.exclusions = exclusions;
  }
}
