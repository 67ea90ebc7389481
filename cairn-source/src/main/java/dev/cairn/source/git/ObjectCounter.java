package dev.cairn.source.git;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * Records how many objects a fetch received, from the size JGit announces for its "Receiving
 * objects" task (the count of objects in the pack the server sent).
 */
final class ObjectCounter implements ProgressMonitor {
  private final AtomicLong received = new AtomicLong();

  long received() {
    return received.get();
  }

  @Override
  public void start(int totalTasks) {}

  @Override
  public void beginTask(String title, int totalWork) {
    if (title != null && title.startsWith("Receiving objects") && totalWork > 0) {
      received.addAndGet(totalWork);
    }
  }

  @Override
  public void update(int completed) {}

  @Override
  public void endTask() {}

  @Override
  public boolean isCancelled() {
    return Thread.currentThread().isInterrupted();
  }

  @Override
  public void showDuration(boolean enabled) {}
}
