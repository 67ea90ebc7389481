package dev.cairn.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.sim.cluster.SimulatedClusterOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The simulated cluster in a JVM of its own, so that a benchmark measures the controller's heap
 * apart from the API server's: starts a {@link SimulatedCluster} with Cairn's CRDs installed,
 * writes a kubeconfig for it to the given path and, next to it ({@code <kubeconfig>.stats}), the
 * URL of a small HTTP endpoint on 127.0.0.1 that serves the cluster's request counts ({@code GET
 * /requests}: one {@code verb resource<TAB>count} line each) and this JVM's heap ({@code GET
 * /heap}: used, committed and peak bytes). Serves until killed.
 *
 * <pre>{@code
 * java -Xmx2g -cp "cairn-bench/target/classes:$(cat cairn-bench/target/classpath.txt)" \
 *     dev.cairn.bench.SimClusterMain cairn-bench/target/sim.kubeconfig [readiness-delay-ms=200]
 * }</pre>
 */
public final class SimClusterMain {
  private SimClusterMain() {}

  /** The stats file written next to a kubeconfig. */
  static Path statsFile(Path kubeconfig) {
    return kubeconfig.resolveSibling(kubeconfig.getFileName() + ".stats");
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: SimClusterMain KUBECONFIG [readiness-delay-ms=200] [heap-csv]");
      System.exit(2);
    }
    Path kubeconfig = Path.of(args[0]).toAbsolutePath();
    long delay = args.length > 1 ? Long.parseLong(args[1]) : 200;
    Path csv = args.length > 2 ? Path.of(args[2]) : null;
    HeapSampler heap = HeapSampler.start(csv);
    SimulatedCluster cluster =
        SimulatedCluster.start(
            SimulatedClusterOptions.defaults().withReadinessDelay(Duration.ofMillis(delay)));
    CairnCrdInstaller.installAll(cluster.client());
    HttpServer stats =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stats.createContext("/requests", exchange -> respond(exchange, requests(cluster)));
    stats.createContext(
        "/heap",
        exchange ->
            respond(
                exchange,
                heap.usedNow()
                    + " "
                    + Runtime.getRuntime().totalMemory()
                    + " "
                    + heap.max()
                    + "\n"));
    stats.start();
    Files.deleteIfExists(statsFile(kubeconfig));
    cluster.writeKubeconfig(kubeconfig);
    Files.writeString(
        statsFile(kubeconfig), "http://127.0.0.1:" + stats.getAddress().getPort() + "\n");
    System.out.println(
        "simulated cluster at "
            + cluster.masterUrl()
            + "; kubeconfig "
            + kubeconfig
            + "; stats "
            + statsFile(kubeconfig));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stats.stop(0);
                  cluster.close();
                  heap.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  private static String requests(SimulatedCluster cluster) {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, Long> e : cluster.requests().snapshot().entrySet()) {
      body.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
    }
    return body.toString();
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
