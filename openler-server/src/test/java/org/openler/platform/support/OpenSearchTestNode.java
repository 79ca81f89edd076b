package org.openler.platform.support;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.openler.opensearch.node.NodeProcess;

/**
 * One real OpenSearch node for every test of a run that needs it, started on first use in a JVM of its own
 * (openler-opensearch-node) and stopped when the test JVM exits; if the test JVM is killed, the node notices its
 * closed standard input and stops too. Each test works in indices of its own names, so they never see each other.
 */
public final class OpenSearchTestNode {

    /** Generous for a loaded 2-core CI machine; the node usually answers in 10 to 25 s there. */
    private static final Duration START = Duration.ofSeconds(180);

    private static @Nullable NodeProcess node;

    private OpenSearchTestNode() {}

    /** The node's HTTP address, starting the node if this is the first call. */
    public static synchronized URI url() {
        if (node == null) {
            long began = System.nanoTime();
            NodeProcess started = NodeProcess.start(NodeProcess.TEST_JVM, START);
            // one line in the test output: how long the node took on this machine, to watch CI's margin
            System.out.printf(
                    "OpenSearch test node at %s answered after %d ms%n",
                    started.url(), (System.nanoTime() - began) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "opensearch-node-stop"));
            node = started;
        }
        return node.url();
    }
}
