package dev.cairn.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Waits until all {@code count} of the benchmark's objects of one kind (one namespace, the shard's
 * label if any) match. Progress is read every 250 ms from a cheap counter (the runtime's own
 * metrics), and the objects are listed only once it reaches {@code count}, to confirm: listing
 * 10,000 objects four times a second would load the API server and this JVM's heap more than the
 * controller does.
 */
record ReadyWait<T extends HasMetadata>(
    KubernetesClient client,
    Class<T> kind,
    String namespace,
    String labelSelector,
    int count,
    Function<T, String> whyNot) {

  /**
   * Returns {@link System#nanoTime()} of the list that confirmed all match.
   *
   * @param progress how many are done by a cheap count (may run ahead of the stored status)
   */
  long until(Predicate<T> done, LongSupplier progress, int timeoutSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    long lastPrint = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long now = System.nanoTime();
      long reached = progress.getAsLong();
      if (reached >= count) {
        List<T> items = list();
        long matching = items.stream().filter(done).count();
        if (matching == count) {
          return now;
        }
        System.out.println(
            matching + "/" + count + " done; the others by reason: " + reasons(items, done));
        Thread.sleep(1000);
        continue;
      }
      if (now - lastPrint > 5_000_000_000L) {
        System.out.println(reached + "/" + count + " done by the runtime's metrics");
        lastPrint = now;
      }
      Thread.sleep(250);
    }
    List<T> items = list();
    throw new IllegalStateException(
        "not all "
            + count
            + " "
            + kind.getSimpleName()
            + "s got there in "
            + timeoutSeconds
            + "s; the others by reason: "
            + reasons(items, done));
  }

  private List<T> list() {
    return client
        .resources(kind)
        .inNamespace(namespace)
        .list(new ListOptionsBuilder().withLabelSelector(labelSelector).build())
        .getItems();
  }

  private Map<String, Long> reasons(List<T> items, Predicate<T> done) {
    Map<String, Long> reasons = new TreeMap<>();
    for (T item : items) {
      if (!done.test(item)) {
        reasons.merge(whyNot.apply(item), 1L, Long::sum);
      }
    }
    return reasons;
  }
}
