package org.openler.platform.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real OpenLER process for the durability tests: the launcher ({@code ./openler}) or the packaged jar, on the demo's
 * H2 file database in a data directory of the test's, with its output in a log file the test reads. Stopped the way
 * people and machines stop it: SIGTERM ({@link ProcessHandle#destroy()}) or SIGKILL ({@link
 * ProcessHandle#destroyForcibly()}).
 */
final class OpenlerProcess implements AutoCloseable {

    /** The worktree root: the launcher and the packaged jar are found from there. */
    static final Path ROOT =
            Path.of("").toAbsolutePath().getFileName().toString().equals("openler-server")
                    ? Path.of("").toAbsolutePath().getParent()
                    : Path.of("").toAbsolutePath();

    /** The packaged server, or another one named by {@code -Dopenler.test.jar} (to run these tests on an older build). */
    static final Path JAR = Path.of(System.getProperty(
            "openler.test.jar",
            ROOT.resolve("openler-server/target/openler-server.jar").toString()));

    private final Process process;
    private final Path log;

    private OpenlerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code ./openler} with these arguments; JAVA_HOME is the test's JDK, so the launcher finds it at once. */
    static OpenlerProcess launcher(Path log, String... args) throws IOException {
        return launcher(log, Map.of(), args);
    }

    static OpenlerProcess launcher(Path log, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("openler").toString());
        command.addAll(List.of(args));
        return start(command, log, env);
    }

    /** The packaged jar on the demo profile, with the data directory and port given and the extra arguments. */
    static OpenlerProcess demo(Path dataDir, int port, Path log, String... extra) throws IOException {
        assertThat(JAR)
                .as("the packaged server (mvn package runs before the integration tests)")
                .exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar",
                JAR.toString(),
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--openler.data-dir=" + dataDir,
                "--openler.public-url=http://localhost:" + port));
        command.addAll(List.of(extra));
        return start(command, log, Map.of());
    }

    private static OpenlerProcess start(List<String> command, Path log, Map<String, String> extraEnv)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        env.put("OPENLER_JAR", JAR.toString()); // the launcher runs the packaged jar as it is
        env.remove("SPRING_DATASOURCE_URL");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("OPENLER_JAVA_OPTS");
        env.putAll(extraEnv);
        return new OpenlerProcess(builder.start(), log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The JVM's arguments once the launcher has exec'd it (the launcher's shell becomes the JVM). */
    List<String> jvmArguments() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < until) {
            var info = process.toHandle().info();
            if (info.command().orElse("").endsWith("java") && info.arguments().isPresent()) {
                return List.of(info.arguments().get());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The launcher did not start a JVM within a minute");
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Waits until the log has a line matching the pattern; fails with the log's tail when the process ends first. */
    void awaitLog(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (pattern.matcher(output()).find()) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        "The process ended (" + process.exitValue() + ") before \"" + pattern + "\":\n" + tail());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No \"" + pattern + "\" within " + timeout + ":\n" + tail());
    }

    int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("The process did not end within " + timeout + ":\n" + tail());
        }
        return process.exitValue();
    }

    /** SIGTERM: Spring's shutdown hook closes the context, its beans and the database. */
    int terminate() throws InterruptedException, IOException {
        process.toHandle().destroy();
        return awaitExit(Duration.ofMinutes(5));
    }

    /** SIGKILL: nothing runs after it. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor();
    }

    String tail() throws IOException {
        String all = output();
        return all.substring(Math.max(0, all.length() - 6000));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Opens the demo's H2 database as the server does (after the process ended). */
    static Connection h2(Path dataDir) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("db/openler")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "openler",
                "");
    }

    /** Slugs of the stored skills frameworks. */
    static List<String> frameworks(Path dataDir) throws SQLException {
        List<String> slugs = new ArrayList<>();
        try (Connection c = h2(dataDir);
                var rows = c.createStatement().executeQuery("select slug from skill_framework order by slug")) {
            while (rows.next()) {
                slugs.add(rows.getString(1));
            }
        }
        return slugs;
    }
}
