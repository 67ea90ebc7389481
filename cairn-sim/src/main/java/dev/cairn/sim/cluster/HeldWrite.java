package dev.cairn.sim.cluster;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The next write (create, update, patch, apply or delete) of one object, held before it reaches the
 * store until the test {@link #release}s it (it is then carried out) or {@link #drop}s it (it is
 * answered 503 and nothing is stored, as a request whose client died before the server acted on
 * it). For tests of a controller that stops in the middle of an apply. Only the first matching
 * write is held.
 */
public final class HeldWrite {
  private final String resource;
  private final String namespace;
  private final String name;
  private final AtomicBoolean taken = new AtomicBoolean();
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch decided = new CountDownLatch(1);
  private volatile boolean dropped;

  HeldWrite(String resource, String namespace, String name) {
    this.resource = Objects.requireNonNull(resource, "resource");
    this.namespace = namespace;
    this.name = Objects.requireNonNull(name, "name");
  }

  /** Claims {@code request} if it is the first write of the held object. */
  boolean claims(ApiRequest request, ResourceType type) {
    boolean write = !request.method().equals("GET") && !request.isDryRun();
    return write
        && request.subresource() == null
        && name.equals(request.name())
        && resource.equals(type.qualifiedPlural())
        && Objects.equals(namespace, type.namespaced() ? request.namespace() : null)
        && taken.compareAndSet(false, true);
  }

  /** Blocks the claimed request's thread until the test decides; throws when dropped. */
  void hold() {
    arrived.countDown();
    try {
      decided.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      dropped = true;
    }
    if (dropped) {
      throw new ApiException(
          503, "ServiceUnavailable", "the simulated API server dropped this held write");
    }
  }

  /** Waits until the write has arrived and is held; false when it did not within {@code wait}. */
  public boolean awaitHeld(Duration wait) throws InterruptedException {
    return arrived.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Lets the held write (and every later one) through. */
  public void release() {
    decided.countDown();
  }

  /** Answers the held write 503 without storing anything; later writes go through. */
  public void drop() {
    dropped = true;
    decided.countDown();
  }
}
