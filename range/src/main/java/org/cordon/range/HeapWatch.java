package org.cordon.range;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the heap during a benchmark: the most ever in use (sampled every 20 ms, garbage
 * included) and the most still in use after a collection (the live set, what bounded memory
 * means). The JVM reports collections through its collector beans' counters, which we poll.
 */
final class HeapWatch {
  private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
      .map(java.lang.management.MemoryPoolMXBean::getName)
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapWatch() {
    sampler = new Thread(this::sample, "heap-watch");
    sampler.setDaemon(true);
  }

  static HeapWatch start() {
    HeapWatch watch = new HeapWatch();
    watch.sampler.start();
    return watch;
  }

  private void sample() {
    long collections = collections();
    while (running) {
      Runtime runtime = Runtime.getRuntime();
      long used = runtime.totalMemory() - runtime.freeMemory();
      peakUsed.accumulateAndGet(used, Math::max);
      long now = collections();
      if (now != collections) {
        collections = now;
        peakLive.accumulateAndGet(liveAfterLastGc(), Math::max);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static long collections() {
    long total = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, bean.getCollectionCount());
    }
    return total;
  }

  /** Heap in use right after the most recent collection of any collector. */
  private static long liveAfterLastGc() {
    long best = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (bean instanceof com.sun.management.GarbageCollectorMXBean extended && extended.getLastGcInfo() != null) {
        long total = 0;
        for (var pool : extended.getLastGcInfo().getMemoryUsageAfterGc().entrySet()) {
          if (HEAP_POOLS.contains(pool.getKey())) {
            total += pool.getValue().getUsed();
          }
        }
        best = Math.max(best, total);
      }
    }
    return best;
  }

  void stop() {
    running = false;
    sampler.interrupt();
    peakLive.accumulateAndGet(liveAfterLastGc(), Math::max);
  }

  long peakUsed() {
    return peakUsed.get();
  }

  long peakLiveAfterGc() {
    return peakLive.get();
  }
}
