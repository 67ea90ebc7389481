package dev.cairn.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The last successful scan of an ImageRepository.
 *
 * @param revision a digest of the tag list, to see changes
 * @param tagCount how many tags were kept (after the exclusion list)
 * @param scanTime when, RFC 3339
 * @param latestTags up to ten tags, newest-looking first (reverse alphabetical, as Flux)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScanResult(String revision, int tagCount, String scanTime, List<String> latestTags) {}
