package dev.cairn.sim.cluster;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The faults injected into a {@link SimulatedCluster}: each {@link FaultRule} answers the requests
 * it matches instead of the cluster, until its handle is removed or its window is spent. The first
 * injected rule that answers a request wins. Only resource requests are affected (discovery and
 * {@code /version} never are); faulted requests are still counted by {@link RequestCounter}.
 */
public final class Faults {
  private final CopyOnWriteArrayList<Injected> injected = new CopyOnWriteArrayList<>();

  Faults() {}

  /** Starts answering with the rule; the handle removes it again. */
  public Injected inject(FaultRule rule) {
    Injected handle = new Injected(rule);
    injected.add(handle);
    return handle;
  }

  /** Whether no rule is injected, so that no request needs to be looked at. */
  boolean isEmpty() {
    return injected.isEmpty();
  }

  /** Removes every injected rule. */
  public void clear() {
    injected.clear();
  }

  /** The fault to answer this request with, if an injected rule takes it. */
  Optional<Fault> faultFor(FaultRequest request) {
    if (request == null) {
      return Optional.empty();
    }
    for (Injected handle : injected) {
      if (handle.takes(request)) {
        return Optional.of(handle.rule.fault());
      }
    }
    return Optional.empty();
  }

  /** One injected rule: how many requests it answered, and its removal. */
  public final class Injected implements AutoCloseable {
    private final FaultRule rule;
    private final Random random;
    private long answered;

    private Injected(FaultRule rule) {
      this.rule = rule;
      this.random = new Random(rule.seed());
    }

    private synchronized boolean takes(FaultRequest request) {
      if (!rule.matches(request) || (rule.times() >= 0 && answered >= rule.times())) {
        return false;
      }
      if (rule.probability() < 1 && random.nextDouble() >= rule.probability()) {
        return false;
      }
      answered++;
      return true;
    }

    /** How many requests this rule answered so far. */
    public synchronized long answered() {
      return answered;
    }

    public FaultRule rule() {
      return rule;
    }

    /** Stops answering; requests reach the cluster again. */
    public void remove() {
      injected.remove(this);
    }

    @Override
    public void close() {
      remove();
    }
  }
}
