package org.openler.opensearch.node;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opensearch.Version;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;

/**
 * One real OpenSearch node, started in a JVM of its own by a test or a benchmark: {@code java -cp <the classpath in
 * META-INF/openler/opensearch-node.classpath> org.openler.opensearch.node.SingleNode <home directory>}.
 *
 * <p>It is OpenSearch's own {@link Node} (the class its distribution runs) with the Netty HTTP transport loaded from
 * the classpath instead of a {@code modules/} folder, bound to 127.0.0.1 on free ports, in single-node discovery, with
 * its data under the given home directory. No security plugin is installed, so the REST API is plain HTTP without
 * authentication: for loopback tests only.
 *
 * <p>Protocol with the parent process: once the node answers, one line {@code openler-opensearch-node
 * http=127.0.0.1:<port>} on standard output. The node stops when its standard input closes, which also happens when
 * the parent dies (even by kill -9), so a crashed test run leaves no node behind.
 */
public final class SingleNode {

    /** The prefix of the one line the parent waits for. */
    public static final String READY = "openler-opensearch-node http=";

    private SingleNode() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: SingleNode <home directory>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        Node node = new ClasspathPluginNode(new Environment(settings(home), home.resolve("config")));
        node.start();
        HttpServerTransport http = node.injector().getInstance(HttpServerTransport.class);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(READY + http.boundAddress().publishAddress());

        // Block until the parent closes our standard input (or dies), then shut down cleanly.
        while (System.in.read() != -1) {
            // the parent sends nothing; any byte is ignored
        }
        node.close();
        node.awaitClose(30, TimeUnit.SECONDS);
        System.exit(0);
    }

    private static Settings settings(Path home) throws IOException {
        return Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", Files.createDirectories(home.resolve("data")).toString())
                .put("path.logs", Files.createDirectories(home.resolve("logs")).toString())
                .put("cluster.name", "openler-test")
                .put("node.name", "openler-test-node")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", "0")
                .put("transport.port", "0")
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                // a test machine's disk may be fuller than a server's: never turn indices read-only over it
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
    }

    /** OpenSearch's node, with the Netty transport plugin given as a classpath plugin (as its own test nodes do). */
    private static final class ClasspathPluginNode extends Node {

        ClasspathPluginNode(Environment environment) {
            super(environment, List.of(netty()), true);
        }

        private static PluginInfo netty() {
            return new PluginInfo(
                    "transport-netty4",
                    "The Netty transports, from the classpath",
                    Version.CURRENT.toString(),
                    Version.CURRENT,
                    System.getProperty("java.specification.version"),
                    "org.opensearch.transport.Netty4ModulePlugin",
                    null,
                    List.of(),
                    false);
        }
    }
}
