package dev.cairn.render.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BuildCacheTest {

  private static BuildKey key(String digest, String path) {
    return new BuildKey(
        digest, Path.of("/x"), Path.of(path), null, null, null, null, null, null, null, null, 1);
  }

  private static List<KubeObject> configMap(String name) {
    return YamlReader.defaults()
        .readObjects(
            "cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\n");
  }

  /** A build that counts its runs. */
  private static final class CountingBuild implements Supplier<List<KubeObject>> {
    final AtomicInteger runs = new AtomicInteger();
    final String name;

    CountingBuild(String name) {
      this.name = name;
    }

    @Override
    public List<KubeObject> get() {
      runs.incrementAndGet();
      return configMap(name);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void equalKeysBuildOnceAndEachCallerGetsItsOwnCopy() {
    BuildCache cache = new BuildCache(10, 1 << 20);
    CountingBuild build = new CountingBuild("a");

    List<KubeObject> first = cache.get(key("sha256:1", "app"), build);
    List<KubeObject> second = cache.get(key("sha256:1", "app"), build);

    assertThat(build.runs).hasValue(1);
    assertThat(cache.builds()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(second).isEqualTo(first);
    first.get(0).setLabel("changed", "by-first");
    first.get(0).setName("renamed");
    assertThat(second.get(0).labels()).isEmpty();
    assertThat(second.get(0).name()).isEqualTo("a");
    assertThat(cache.get(key("sha256:1", "app"), build).get(0).name())
        .as("a later caller does not see the first caller's change either")
        .isEqualTo("a");
  }

  @Test
  void differentKeysBuildSeparately() {
    BuildCache cache = new BuildCache(10, 1 << 20);
    CountingBuild build = new CountingBuild("a");

    cache.get(key("sha256:1", "app"), build);
    cache.get(key("sha256:2", "app"), build);
    cache.get(key("sha256:1", "other"), build);

    assertThat(build.runs).hasValue(3);
  }

  @Test
  void aFailedBuildIsNotKept() {
    BuildCache cache = new BuildCache(10, 1 << 20);
    AtomicInteger runs = new AtomicInteger();
    Supplier<List<KubeObject>> failing =
        () -> {
          runs.incrementAndGet();
          throw new IllegalStateException("broken " + runs.get());
        };

    assertThatThrownBy(() -> cache.get(key("sha256:1", "app"), failing)).hasMessage("broken 1");
    assertThatThrownBy(() -> cache.get(key("sha256:1", "app"), failing)).hasMessage("broken 2");
    assertThat(cache.size()).isZero();
  }

  @Test
  void aCallerWaitsForTheRunningBuildOfItsKey() throws Exception {
    BuildCache cache = new BuildCache(10, 1 << 20);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    Supplier<List<KubeObject>> slow =
        () -> {
          runs.incrementAndGet();
          started.countDown();
          awaitQuietly(release);
          return configMap("a");
        };
    CompletableFuture<List<KubeObject>> first =
        CompletableFuture.supplyAsync(() -> cache.get(key("sha256:1", "app"), slow));
    started.await();
    AtomicReference<Thread> waiter = new AtomicReference<>();
    CompletableFuture<List<KubeObject>> second =
        CompletableFuture.supplyAsync(
            () -> {
              waiter.set(Thread.currentThread());
              return cache.get(key("sha256:1", "app"), slow);
            });
    await().until(() -> waiter.get() != null && waiter.get().getState() == Thread.State.WAITING);

    release.countDown();

    assertThat(second.get()).isEqualTo(first.get());
    assertThat(second.get().get(0)).isNotSameAs(first.get().get(0));
    assertThat(runs).hasValue(1);
  }

  @Test
  void aCallerWaitingOnAFailedBuildBuildsForItself() throws Exception {
    BuildCache cache = new BuildCache(10, 1 << 20);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<List<KubeObject>> first =
        CompletableFuture.supplyAsync(
            () ->
                cache.get(
                    key("sha256:1", "app"),
                    () -> {
                      started.countDown();
                      awaitQuietly(release);
                      throw new IllegalStateException("first failed");
                    }));
    started.await();
    AtomicReference<Thread> waiter = new AtomicReference<>();
    CountingBuild own = new CountingBuild("own");
    CompletableFuture<List<KubeObject>> second =
        CompletableFuture.supplyAsync(
            () -> {
              waiter.set(Thread.currentThread());
              return cache.get(key("sha256:1", "app"), own);
            });
    await().until(() -> waiter.get() != null && waiter.get().getState() == Thread.State.WAITING);

    release.countDown();

    assertThat(first).failsWithin(Duration.ofSeconds(30));
    assertThat(second.get().get(0).name()).isEqualTo("own");
    assertThat(own.runs).hasValue(1);
  }

  @Test
  void theLeastRecentlyUsedEntryIsDroppedBeyondTheEntryBound() {
    BuildCache cache = new BuildCache(2, 1 << 20);
    CountingBuild build = new CountingBuild("a");

    cache.get(key("sha256:1", "a"), build);
    cache.get(key("sha256:1", "b"), build);
    cache.get(key("sha256:1", "a"), build); // a is now the most recently used
    cache.get(key("sha256:1", "c"), build); // drops b
    cache.get(key("sha256:1", "a"), build);
    assertThat(build.runs).hasValue(3);
    cache.get(key("sha256:1", "b"), build);
    assertThat(build.runs).hasValue(4);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void theByteBoundDropsEntriesAndABuildLargerThanItIsNotKept() {
    long one = TreeWeight.of(configMap("a"));
    BuildCache cache = new BuildCache(100, 2 * one + one / 2);
    CountingBuild build = new CountingBuild("a");

    cache.get(key("sha256:1", "a"), build);
    cache.get(key("sha256:1", "b"), build);
    assertThat(cache.bytes()).isEqualTo(2 * one);
    cache.get(key("sha256:1", "c"), build);
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.bytes()).isEqualTo(2 * one);

    BuildCache tiny = new BuildCache(100, one - 1);
    tiny.get(key("sha256:1", "a"), build);
    assertThat(tiny.size()).isZero();
    assertThat(tiny.bytes()).isZero();
  }
}
