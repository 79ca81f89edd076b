package org.openler.opensearch.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Starts {@link SingleNode} in a child JVM and stops it: the parent side, made of JDK classes only, so that a test or
 * a benchmark can use it with nothing of OpenSearch on its own classpath (put this module's jar there, without its
 * dependencies). The child runs on the same {@code java} as the parent, on OpenSearch's own classpath as Maven
 * resolved it into {@code META-INF/openler/opensearch-node.classpath}, with its data in a fresh temporary folder that
 * {@link #close} deletes.
 */
public final class NodeProcess implements AutoCloseable {

    private static final String CLASSPATH = "META-INF/openler/opensearch-node.classpath";

    /** Heap and collector for a test node on a small, shared machine. */
    public static final List<String> TEST_JVM =
            List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Process process;
    private final Path home;
    private final URI url;

    private NodeProcess(Process process, Path home, URI url) {
        this.process = process;
        this.home = home;
        this.url = url;
    }

    /** The node's HTTP address, e.g. {@code http://127.0.0.1:41234}. */
    public URI url() {
        return url;
    }

    /** Where the node keeps its data and its log ({@code node.log}). */
    public Path home() {
        return home;
    }

    /**
     * Starts a node and waits until it answers on HTTP.
     *
     * @param jvmOptions heap and other options of the child JVM, e.g. {@link #TEST_JVM}
     * @param timeout how long to wait for the node before giving up (and stopping it)
     * @throws IllegalStateException when the node did not start, with the end of its log
     */
    public static NodeProcess start(List<String> jvmOptions, Duration timeout) {
        try {
            Path home = Files.createTempDirectory("openler-opensearch-");
            Path log = home.resolve("node.log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("--enable-native-access=ALL-UNNAMED");
            command.add("-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")));
            command.add("-cp");
            command.add(classpath());
            command.add(SingleNode.class.getName());
            command.add(home.toString());
            Process process = new ProcessBuilder(command)
                    .redirectError(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            CompletableFuture<String> ready = readyLine(process.getInputStream());
            try {
                String address = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return new NodeProcess(process, home, new URI("http://" + address));
            } catch (TimeoutException | ExecutionException | URISyntaxException e) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(
                        "The OpenSearch node did not start within " + timeout.toSeconds() + " s (" + reason(e)
                                + "). The end of its log " + log + ":\n" + tail(log),
                        e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the OpenSearch node's JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the OpenSearch node started", e);
        }
    }

    /** Closes the node's standard input (it then shuts down), waits for it, and deletes its folder. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        delete(home);
    }

    /** OpenSearch's dependencies as Maven resolved them, then this module's classes (written at build time). */
    static String classpath() throws IOException {
        URL resource = NodeProcess.class.getClassLoader().getResource(CLASSPATH);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH + " is missing: build openler-opensearch-node with Maven");
        }
        try (InputStream in = resource.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** The address from the node's one line on standard output; the rest of its output is drained and dropped. */
    private static CompletableFuture<String> readyLine(InputStream out) {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (line.startsWith(SingleNode.READY)) {
                                ready.complete(line.substring(SingleNode.READY.length())
                                        .strip());
                            }
                        }
                        ready.completeExceptionally(new IOException("the node's JVM exited"));
                    } catch (IOException e) {
                        ready.completeExceptionally(e);
                    }
                },
                "opensearch-node-stdout");
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    private static String reason(Exception e) {
        if (e instanceof TimeoutException) {
            return "no answer in time";
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the node is stopped either way
        }
    }
}
