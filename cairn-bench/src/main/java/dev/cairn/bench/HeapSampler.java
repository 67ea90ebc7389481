package dev.cairn.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples this JVM's heap every 20 ms and keeps the largest amount in use; once a second it appends
 * {@code seconds,used_mib,committed_mib} to a CSV file, if given one.
 */
final class HeapSampler implements Runnable, AutoCloseable {
  private static final long MIB = 1L << 20;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong max = new AtomicLong();
  private final Thread thread = new Thread(this, "heap-sampler");
  private final long start = System.nanoTime();
  private final BufferedWriter csv;
  private volatile boolean running = true;

  private HeapSampler(Path csvFile) {
    try {
      if (csvFile == null) {
        this.csv = null;
      } else {
        if (csvFile.toAbsolutePath().getParent() != null) {
          Files.createDirectories(csvFile.toAbsolutePath().getParent());
        }
        this.csv = Files.newBufferedWriter(csvFile);
        csv.write("seconds,used_mib,committed_mib\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the heap series to " + csvFile, e);
    }
  }

  /** Starts sampling; {@code csvFile} null writes no series. */
  static HeapSampler start(Path csvFile) {
    HeapSampler sampler = new HeapSampler(csvFile);
    sampler.thread.setDaemon(true);
    sampler.thread.start();
    return sampler;
  }

  @Override
  public void run() {
    long nextRow = 0;
    while (running) {
      MemoryUsage heap = memory.getHeapMemoryUsage();
      max.accumulateAndGet(heap.getUsed(), Math::max);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (csv != null && millis >= nextRow) {
        writeRow(millis, heap);
        nextRow = millis - millis % 1000 + 1000;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void writeRow(long millis, MemoryUsage heap) {
    try {
      csv.write(
          "%.1f,%d,%d%n"
              .formatted(millis / 1000.0, heap.getUsed() / MIB, heap.getCommitted() / MIB));
      csv.flush();
    } catch (IOException e) {
      running = false;
    }
  }

  long usedNow() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Starts the maximum again from what is in use now. */
  void resetMax() {
    max.set(usedNow());
  }

  /** The largest heap in use seen since start or the last {@link #resetMax()}, bytes. */
  long max() {
    return max.get();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
      if (csv != null) {
        csv.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
