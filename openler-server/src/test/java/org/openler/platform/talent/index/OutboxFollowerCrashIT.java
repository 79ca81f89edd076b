package org.openler.platform.talent.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.kernel.AccountId;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The outbox keeps an index kept on disk in step through crashes: no lost and no ghost profiles. It runs on the real
 * {@link OutboxFollower} and {@link LuceneTalentIndex} against PostgreSQL, in a schema of its own holding the real
 * outbox tables (V47's and V48's DDL) and a small table standing in for the learners' searchable profiles, so no other test's
 * follower touches its rows. First the two crash windows one at a time (between the index writes and the index's
 * commit; between the commit and the done mark); then a child JVM following the outbox is killed with SIGKILL at
 * random moments while changes keep arriving, and restarted, and in the end the index must equal the table exactly.
 * That last one (eight child JVMs, then a catch-up) runs under {@code -Pdurability} (docs/resilience.md); both crash
 * windows it samples at random are proved one at a time, in process, by the default suite.
 */
class OutboxFollowerCrashIT {

    private static final String URL =
            System.getProperty("openler.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("openler.test.db.user", "postgres");
    private static final List<URI> SKILLS = List.of(
            URI.create("http://data.europa.eu/esco/skill/a"),
            URI.create("http://data.europa.eu/esco/skill/b"),
            URI.create("http://data.europa.eu/esco/skill/c"),
            URI.create("http://data.europa.eu/esco/skill/d"));

    @TempDir
    Path dir;

    private String schema;
    private String url;
    private SingleConnectionDataSource dataSource;
    private JdbcClient jdbc;

    @BeforeEach
    void aSchemaOfItsOwn() throws IOException {
        schema = "talent_crash_" + Long.toHexString(new Random().nextLong() & 0xffffffffL);
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            c.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        dataSource = new SingleConnectionDataSource(url, USER, "", true);
        jdbc = JdbcClient.create(dataSource);
        for (String migration : List.of(
                "V47__talent_outbox.sql", "V48__talent_outbox_consumers.sql", "V59__talent_outbox_subject.sql")) {
            String ddl = new ClassPathResource("db/migration/" + migration).getContentAsString(StandardCharsets.UTF_8);
            for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    jdbc.sql(statement).update();
                }
            }
        }
        jdbc.sql("create table crash_profile (account_id uuid primary key, visibility varchar(20) not null,"
                        + " skills text not null)")
                .update();
    }

    @AfterEach
    void dropTheSchema() {
        dataSource.destroy();
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            c.createStatement().execute("drop schema " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCrashAfterTheIndexCommitButBeforeTheDoneMarkAppliesTheRowsAgainAndNothingIsDuplicated() {
        change(jdbc, learner(1), Optional.of("VERIFIED " + SKILLS.get(0)));
        change(jdbc, learner(2), Optional.of("SELF_ASSERTED " + SKILLS.get(0)));
        LuceneTalentIndex first = LuceneTalentIndex.open(dir);
        OutboxFollower crashing = follower(jdbc, first);
        crashing.crashPoints(() -> {}, () -> {
            throw new Crash();
        });
        assertThatThrownBy(crashing::poll).isInstanceOf(Crash.class);
        first.abandon(); // the process dies: what the index committed stays, nothing else
        assertThat(pending(jdbc, dir)).isEqualTo(2);

        try (LuceneTalentIndex reopened = LuceneTalentIndex.open(dir)) {
            OutboxFollower again = follower(jdbc, reopened);
            assertThat(again.poll()).isEqualTo(2);
            assertThat(again.pending()).isZero();
            assertThat(reopened.count()).isEqualTo(2);
            assertThat(reopened.top(query(), 10).hits()).hasSize(2);
        }
    }

    @Test
    void aCrashBeforeTheIndexCommitLosesTheRemovalFromTheIndexButNotFromTheOutboxSoNoGhostRemains() {
        change(jdbc, learner(1), Optional.of("VERIFIED " + SKILLS.get(0)));
        try (LuceneTalentIndex index = LuceneTalentIndex.open(dir)) {
            follower(jdbc, index).poll();
        }
        change(jdbc, learner(1), Optional.empty()); // turns discovery off

        LuceneTalentIndex crashed = LuceneTalentIndex.open(dir);
        OutboxFollower crashing = follower(jdbc, crashed);
        crashing.crashPoints(
                () -> {
                    throw new Crash();
                },
                () -> {});
        assertThatThrownBy(crashing::poll).isInstanceOf(Crash.class);
        assertThat(crashed.top(query(), 10).total())
                .as("gone from searches in this process")
                .isZero();
        crashed.abandon();

        try (LuceneTalentIndex reopened = LuceneTalentIndex.open(dir)) {
            assertThat(reopened.get(learner(1)))
                    .as("the uncommitted removal was lost with the process")
                    .isPresent();
            OutboxFollower again = follower(jdbc, reopened);
            assertThat(again.pending()).isEqualTo(1);
            again.poll();
            assertThat(reopened.get(learner(1))).isEmpty();
            assertThat(reopened.top(query(), 10).total()).isZero();
        }
    }

    @Test
    @Tag("durability")
    void aFollowerKilledWithSigkillAtRandomMomentsUnderChangesLeavesTheIndexEqualToTheTable() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger changes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            Random random = new Random(16);
            SingleConnectionDataSource own = new SingleConnectionDataSource(url, USER, "", true);
            try {
                JdbcClient client = JdbcClient.create(own);
                while (writing.get()) {
                    AccountId who = learner(random.nextInt(200));
                    Optional<String> skills =
                            random.nextInt(4) == 0 ? Optional.empty() : Optional.of(randomSkills(random));
                    change(client, who, skills);
                    changes.incrementAndGet();
                    Thread.sleep(5); // about 100–150 changes a second with the transaction's own time
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                own.destroy();
            }
        });
        writer.start();
        Random kills = new Random(9);
        int killed = 0;
        for (int round = 0; round < 8; round++) {
            Process child = child();
            Thread.sleep(700 + kills.nextInt(1500)); // start-up is part of the window too
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            killed++;
        }
        writing.set(false);
        writer.join();
        Process last = child();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (pending(jdbc, dir) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            last.destroyForcibly();
            last.waitFor(1, TimeUnit.MINUTES);
        }

        assertThat(killed).isEqualTo(8);
        assertThat(changes.get()).isGreaterThan(100);
        Map<AccountId, TalentDocument> truth = new HashMap<>();
        jdbc.sql("select account_id from crash_profile")
                .query(UUID.class)
                .list()
                .forEach(id -> {
                    AccountId learner = new AccountId(id);
                    truth.put(learner, documents(jdbc).of(learner).orElseThrow());
                });
        try (LuceneTalentIndex index = LuceneTalentIndex.open(dir)) {
            assertThat(index.count()).as("no ghost profiles").isEqualTo(truth.size());
            for (int i = 0; i < 200; i++) {
                AccountId learner = learner(i);
                assertThat(index.get(learner)).as("learner %d", i).isEqualTo(Optional.ofNullable(truth.get(learner)));
            }
        }
    }

    @Test
    void twoIndexesFollowingOneOutboxEachApplyEveryChangeAndThePurgeWaitsForBoth() {
        try (LuceneTalentIndex one = LuceneTalentIndex.inMemory();
                LuceneTalentIndex other = LuceneTalentIndex.inMemory()) {
            OutboxFollower first = follower(jdbc, one);
            OutboxFollower second = follower(jdbc, other);
            assertThat(first.consumer()).isNotEqualTo(second.consumer());
            first.rebuild(List.<TalentDocument>of().iterator());
            second.rebuild(List.<TalentDocument>of().iterator());
            for (int i = 0; i < 5; i++) {
                change(jdbc, learner(i), Optional.of("VERIFIED " + SKILLS.get(0)));
            }
            assertThat(first.poll()).isEqualTo(5);
            assertThat(second.pending())
                    .as("the first follower's marks are its own")
                    .isEqualTo(5);
            assertThat(first.purge()).as("not applied by the second yet").isZero();
            assertThat(second.poll()).isEqualTo(5);
            assertThat(one.top(query(), 10).total()).isEqualTo(5);
            assertThat(other.top(query(), 10).total()).isEqualTo(5);

            change(jdbc, learner(0), Optional.empty()); // off: both must drop the learner
            first.poll();
            second.poll();
            assertThat(one.get(learner(0))).isEmpty();
            assertThat(other.get(learner(0))).isEmpty();
            assertThat(first.purge())
                    .as("applied by every consumer seen recently")
                    .isEqualTo(6);
            assertThat(first.pending()).isZero();
        }
    }

    @Test
    void aConsumerThatCameLateIsCoveredByItsRebuildAndOneAwayTooLongIsStale() {
        change(jdbc, learner(1), Optional.of("VERIFIED " + SKILLS.get(0)));
        try (LuceneTalentIndex index = LuceneTalentIndex.inMemory()) {
            OutboxFollower late = follower(jdbc, index);
            assertThat(late.stale()).as("never seen").isTrue();
            late.rebuild(List.of(documents(jdbc).of(learner(1)).orElseThrow()).iterator());
            assertThat(late.pending()).as("what the rebuild covered is marked").isZero();
            assertThat(late.stale()).isFalse();
            jdbc.sql("update talent_outbox_consumer set seen_at = seen_at - interval '11 minutes' where consumer = ?")
                    .param(late.consumer())
                    .update();
            assertThat(late.stale()).as("away longer than the purge waits").isTrue();
        }
    }

    private Process child() throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        FollowerChild.class.getName(),
                        url,
                        USER,
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The child JVM: follows the outbox into the index on disk until it is killed. */
    public static final class FollowerChild {
        public static void main(String[] args) throws Exception {
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(args[0], args[1], "", true);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            LuceneTalentIndex index = LuceneTalentIndex.open(Path.of(args[2]));
            OutboxFollower follower = follower(jdbc, index);
            while (true) {
                follower.poll();
                Thread.sleep(10);
            }
        }
    }

    private static final class Crash extends RuntimeException {}

    /** Rows the index kept in the directory has not applied (its consumer is named after the directory). */
    static long pending(JdbcClient jdbc, Path dir) {
        return jdbc.sql("select count(*) from talent_outbox o where not exists (select 1 from talent_outbox_applied a"
                        + " where a.consumer = ? and a.seq = o.seq)")
                .param("lucene:" + dir.toAbsolutePath().normalize())
                .query(Long.class)
                .single();
    }

    static AccountId learner(int n) {
        return new AccountId(new UUID(0x16aL, n));
    }

    static OutboxFollower follower(JdbcClient jdbc, TalentIndex index) {
        return new OutboxFollower(jdbc, index, documents(jdbc), Clock.systemUTC());
    }

    /** The stand-in for the learners' profiles: a row while discoverable, none after opting out. */
    static OutboxFollower.Documents documents(JdbcClient jdbc) {
        return learner -> jdbc.sql("select visibility, skills from crash_profile where account_id = ?")
                .param(learner.value())
                .query((rs, n) -> {
                    Map<URI, EvidenceKind> skills = new HashMap<>();
                    for (String item : rs.getString(2).split(";")) {
                        if (!item.isBlank()) {
                            String[] parts = item.split(" ");
                            skills.put(URI.create(parts[1]), EvidenceKind.valueOf(parts[0]));
                        }
                    }
                    return new TalentDocument(learner, TalentDocument.Visibility.valueOf(rs.getString(1)), skills);
                })
                .optional();
    }

    /** One change and its outbox row, in one transaction: the rule every feature follows. */
    static void change(JdbcClient jdbc, AccountId learner, Optional<String> skills) {
        // JdbcClient over a single connection: run the transaction by hand on it
        jdbc.sql("begin").update();
        try {
            jdbc.sql("delete from crash_profile where account_id = ?")
                    .param(learner.value())
                    .update();
            skills.ifPresent(
                    s -> jdbc.sql("insert into crash_profile (account_id, visibility, skills) values (?, ?, ?)")
                            .params(learner.value(), "ANONYMOUS", s)
                            .update());
            jdbc.sql("insert into talent_outbox (account_id, created_at) values (?, now())")
                    .param(learner.value())
                    .update();
            jdbc.sql("commit").update();
        } catch (RuntimeException e) {
            jdbc.sql("rollback").update();
            throw e;
        }
    }

    private static String randomSkills(Random random) {
        StringBuilder s = new StringBuilder();
        for (URI skill : SKILLS) {
            if (random.nextBoolean()) {
                s.append(EvidenceKind.values()[random.nextInt(3)])
                        .append(' ')
                        .append(skill)
                        .append(';');
            }
        }
        return s.toString();
    }

    private static SkillQuery query() {
        return new SkillQuery(List.of(new SkillQuery.Weighted(SKILLS.get(0), 1.0)));
    }
}
