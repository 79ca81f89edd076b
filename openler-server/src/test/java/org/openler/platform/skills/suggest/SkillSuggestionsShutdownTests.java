package org.openler.platform.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shutting the engine down never interrupts its thread while that thread is in the database: an interrupt inside
 * H2's file I/O closes the file channel and then the whole database (imports were lost that way, and a demo kept
 * answering 500 with "The database has been closed"). The database here is a stand-in that holds the engine's thread
 * inside {@code getConnection} and records whether it was interrupted there.
 */
class SkillSuggestionsShutdownTests {

    @Test
    void shutdownWaitsForARefreshInTheDatabaseInsteadOfInterruptingIt() throws Exception {
        CountDownLatch inDatabase = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        DataSource database = new HeldDataSource(inDatabase, release, interrupted);
        SkillSuggestions engine = new SkillSuggestions(
                new JdbcTemplate(database), new SuggestProperties(false, List.of(), null, 1, 0, 0, 0));

        engine.refreshLater();
        assertThat(inDatabase.await(30, TimeUnit.SECONDS)).isTrue();

        Thread stopping = Thread.ofPlatform().start(() -> {
            try {
                engine.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopping.join(1_000);
        assertThat(stopping.isAlive())
                .as("shutdown waits for the thread in the database")
                .isTrue();

        release.countDown();
        stopping.join(30_000);
        assertThat(stopping.isAlive()).as("and ends once that thread is out").isFalse();
        assertThat(interrupted).as("the thread in the database was interrupted").isFalse();
    }

    @Test
    void noRefreshStartsOnceShutdownHasBegun() throws Exception {
        CountDownLatch inDatabase = new CountDownLatch(1);
        DataSource database = new HeldDataSource(inDatabase, new CountDownLatch(0), new AtomicBoolean());
        SkillSuggestions engine = new SkillSuggestions(
                new JdbcTemplate(database), new SuggestProperties(false, List.of(), null, 1, 0, 0, 0));

        engine.destroy();
        engine.refreshLater();

        assertThat(inDatabase.await(500, TimeUnit.MILLISECONDS)).isFalse();
    }

    /** A database whose connections wait until released, and then fail (the refresh logs it and keeps its state). */
    private record HeldDataSource(CountDownLatch inDatabase, CountDownLatch release, AtomicBoolean interrupted)
            implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            inDatabase.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new SQLException("never released");
                }
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted inside the database", e);
            }
            throw new SQLException("the stand-in database has no tables");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return new PrintWriter(System.err);
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
