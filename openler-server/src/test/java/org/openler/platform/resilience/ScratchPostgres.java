package org.openler.platform.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openler.platform.support.FreePort;

/**
 * A PostgreSQL cluster of the test's own, made with {@code initdb} in a temporary directory and run by {@code pg_ctl}
 * as the {@code postgres} user on a free port, so a test can stop it (immediate mode, as a crash) and start it again
 * without touching the shared cluster on 5432 that every other test and engineer uses. fsync stays on: "no
 * acknowledged write lost" must hold on a real disk path.
 */
final class ScratchPostgres implements AutoCloseable {

    private final Path dir;
    private final Path data;
    private final Path bin;
    final int port;

    private ScratchPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.bin = bin;
        this.port = port;
    }

    /** initdb, start, and create the database {@code openler}. */
    static ScratchPostgres create() throws IOException, InterruptedException, SQLException {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL under /usr/lib/postgresql"))
                    .resolve("bin");
        }
        Path dir = Files.createTempDirectory("openler-scratch-pg");
        run(List.of("chown", "postgres:postgres", dir.toString()));
        ScratchPostgres pg = new ScratchPostgres(dir, bin, FreePort.pick());
        pg.asPostgres(
                pg.bin.resolve("initdb").toString(),
                "-D",
                pg.data.toString(),
                "-A",
                "trust",
                "-U",
                "root",
                "-E",
                "UTF8",
                "--locale=C.UTF-8");
        pg.start();
        try (Connection c = DriverManager.getConnection(pg.url("postgres"), "root", "");
                Statement s = c.createStatement()) {
            s.execute("create database openler");
        }
        return pg;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String url() {
        return url("openler");
    }

    void start() throws IOException, InterruptedException {
        asPostgres(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=60",
                "-w",
                "-t",
                "60",
                "start");
    }

    /** {@code pg_ctl stop -m immediate}: every backend ends at once, no checkpoint, recovery from WAL at next start. */
    void stopImmediately() throws IOException, InterruptedException {
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    String serverLog() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the test
        }
        run(List.of("rm", "-rf", dir.toString()));
    }

    private void asPostgres(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not end within 90 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed (" + process.exitValue() + "): " + output);
        }
    }
}
