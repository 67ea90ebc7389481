package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.manifest.ObjectId;
import org.junit.jupiter.api.Test;

class OwnWritesTest {
  private static final ObjectId ID = new ObjectId("", "v1", "ConfigMap", "ns", "a");
  private final OwnWrites writes = new OwnWrites();

  @Test
  void aWriteIsPendingUntilTheWatchDeliversItsVersionOrANewerOne() {
    writes.wrote(ID, "41", "40");
    assertThat(writes.pending(ID)).isTrue();

    writes.seen(ID, "40");
    assertThat(writes.pending(ID)).isTrue();

    writes.seen(ID, "43");
    assertThat(writes.pending(ID)).isFalse();
  }

  @Test
  void aWriteTheWatchAlreadyDeliveredIsNotPending() {
    writes.wrote(ID, "41", "41");

    assertThat(writes.pending(ID)).isFalse();
  }

  @Test
  void opaqueVersionsMustMatchExactly() {
    writes.wrote(ID, "abc", null);
    writes.seen(ID, "abd");
    assertThat(writes.pending(ID)).isTrue();

    writes.seen(ID, "abc");
    assertThat(writes.pending(ID)).isFalse();
  }

  @Test
  void aDeleteIsPendingUntilTheWatchReportsTheObjectGone() {
    writes.deleting(ID);
    writes.seen(ID, "99");
    assertThat(writes.pending(ID)).isTrue();

    writes.gone(ID);
    assertThat(writes.pending(ID)).isFalse();
  }

  @Test
  void aDeleteOfAnObjectTheWatchesNeverHeldEndsAtOnce() {
    writes.deleting(ID);
    writes.deleted(ID);

    assertThat(writes.pending(ID)).isFalse();
  }
}
