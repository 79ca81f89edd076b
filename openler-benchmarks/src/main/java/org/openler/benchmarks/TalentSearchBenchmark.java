package org.openler.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openler.opensearch.node.NodeProcess;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.talent.index.EvidenceKind;
import org.openler.platform.talent.index.LuceneTalentIndex;
import org.openler.platform.talent.index.OpenSearchTalentIndex;
import org.openler.platform.talent.index.OutboxFollower;
import org.openler.platform.talent.index.SkillQuery;
import org.openler.platform.talent.index.TalentDocument;
import org.openler.platform.talent.index.TalentIndex;
import org.openler.platform.talent.index.TalentRanking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Talent search at state scale (issue 16) on the embedded Lucene index, in sample-time mode so JMH reports p95:
 *
 * <ul>
 *   <li>{@code rankJob}: an employer's search from a job, end to end through the index as {@code TalentSearch} runs
 *       it ({@link TalentRanking}: the index's first pass with ties, the per-employer HMAC pseudonyms, the engine's
 *       explained match for the page of 20), over {@code profiles} synthetic opted-in learners
 *       ({@link SyntheticTalent}, real ESCO/O*NET distributions), jobs drawn from the same occupations;
 *   <li>{@code optInOutVisible}: from the commit of a change (one learner opting out, or back in: the row in the
 *       outbox, as the server writes it) until a search sees it, through the server's {@link OutboxFollower}
 *       polling every {@code pollMillis} and committing the index every second (the server's defaults; it applies
 *       its own changes at once after commit, so this is the slower path a change from another instance takes).
 * </ul>
 *
 * <p>Both run under a write load of {@code changesPerSecond} other profile changes (opt-outs and opt-ins of random
 * learners through the same outbox). The index is built once per trial in a temporary directory and deleted after,
 * or, with {@code -p indexDir=/path}, built there once and reused by later runs (see {@link #indexDir}).
 * With {@code -p engine=opensearch} the same workload runs against a real OpenSearch node instead (docs/benchmarks.md).
 * The outbox lives in a scratch schema of PostgreSQL: {@code -p url=jdbc:postgresql://127.0.0.1:5432/DB}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx3g"})
public class TalentSearchBenchmark {

    private static final String SCHEMA = "talent_bench";
    private static final URI PROBE_SKILL = URI.create("http://data.europa.eu/esco/skill/benchmark-probe");

    @Param("1000000")
    public int profiles;

    /** {@code lucene} (the embedded index) or {@code opensearch} (a real node, started here in a JVM of its own). */
    @Param("lucene")
    public String engine;

    @Param("jdbc:postgresql://127.0.0.1:5432/test")
    public String url;

    @Param("postgres")
    public String user;

    @Param("100")
    public int changesPerSecond;

    @Param("250")
    public int pollMillis;

    /**
     * Where to keep the built embedded index across runs ({@code -p indexDir=/path}): built there once, when the
     * directory does not hold a complete index of the same size, synthetic data and layout, and reused after. Each
     * trial works on hard links of its files in a scratch directory (Lucene never rewrites a file it wrote), so the
     * trial's opt-ins and outs never reach the kept index. Empty: build into a scratch directory every trial.
     */
    @Param("")
    public String indexDir;

    /** What a kept index must match to be reused: bump the layout when the index's documents change shape. */
    private static final String LAYOUT = "talent-index-layout=2 (documents by subject), profiles seeded 0x5eed";

    private static final String COMPLETE = "talent-bench-complete.txt";

    private Path dir;
    private TalentIndex index;
    private NodeProcess node;
    private SyntheticTalent talent;
    private List<MatchTarget> jobs;
    private final AtomicInteger nextJob = new AtomicInteger();
    private Function<AccountId, String> pseudonym;

    /** The system of record's changes since the build: a learner opted out (empty) or in again. */
    private final Map<AccountId, Optional<TalentDocument>> changed = new ConcurrentHashMap<>();

    private SingleConnectionDataSource writerConnection;
    private SingleConnectionDataSource followerConnection;
    private JdbcClient writer;
    private ScheduledExecutorService background;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicInteger probe = new AtomicInteger();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Queue<Long> cpuNanos = new ConcurrentLinkedQueue<>();
    private final Queue<Long> totals = new ConcurrentLinkedQueue<>();

    @Setup(Level.Trial)
    public void build() throws Exception {
        talent = SyntheticTalent.load();
        long started = System.nanoTime();
        long skills = 0;
        if (engine.equals("opensearch")) {
            skills = buildOpenSearch();
        } else if (indexDir.isBlank()) {
            dir = Files.createTempDirectory("talent-bench");
            skills = buildLucene(dir);
            index = LuceneTalentIndex.open(dir);
        } else {
            Path kept = Path.of(indexDir);
            String expected = LAYOUT + "\nprofiles=" + profiles + "\n" + talent.describe() + "\n";
            Path marker = kept.resolve(COMPLETE);
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(expected)) {
                System.out.printf("%nReusing the index of %,d profiles in %s%n", profiles, kept);
            } else {
                clear(kept);
                Files.createDirectories(kept);
                skills = buildLucene(kept);
                Files.writeString(marker, expected); // written last: an interrupted build is never taken as complete
            }
            dir = Files.createTempDirectory("talent-bench");
            try (Stream<Path> files = Files.list(kept)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (!name.equals(COMPLETE) && !name.equals("write.lock")) {
                        link(file, dir.resolve(name));
                    }
                }
            }
            index = LuceneTalentIndex.open(dir);
        }
        System.out.printf(
                "%nReady: %,d profiles (%s; %.1f skills each where built now) in %.1f s%n",
                profiles, talent.describe(), skills / (double) profiles, (System.nanoTime() - started) / 1e9);
        Random random = new Random(16);
        jobs = new ArrayList<>();
        for (int j = 0; j < 200; j++) {
            jobs.add(talent.job(random));
        }
        pseudonym = pseudonyms(new byte[32]);

        writerConnection = new SingleConnectionDataSource(url, user, "", true);
        writer = JdbcClient.create(writerConnection);
        writer.sql("drop schema if exists " + SCHEMA + " cascade").update();
        writer.sql("create schema " + SCHEMA).update();
        writer.sql("set search_path to " + SCHEMA).update();
        for (String statement : migration().split(";")) {
            if (!statement.isBlank()) {
                writer.sql(statement).update();
            }
        }
        followerConnection = new SingleConnectionDataSource(url, user, "", true);
        JdbcClient followerJdbc = JdbcClient.create(followerConnection);
        followerJdbc.sql("set search_path to " + SCHEMA).update();
        OutboxFollower follower =
                new OutboxFollower(followerJdbc, index, this::current, Clock.systemUTC(), Duration.ofSeconds(1));

        background = Executors.newScheduledThreadPool(2);
        background.scheduleWithFixedDelay(
                () -> {
                    try {
                        follower.poll();
                    } catch (RuntimeException e) {
                        e.printStackTrace(); // the next round retries, as the server's follower does
                    }
                },
                pollMillis,
                pollMillis,
                TimeUnit.MILLISECONDS);
        Random load = new Random(100);
        background.scheduleAtFixedRate(
                () -> {
                    AccountId learner = SyntheticTalent.learner(load.nextInt(profiles));
                    boolean out = current(learner).isPresent();
                    change(learner, out ? Optional.empty() : Optional.of(talent.profile(number(learner))));
                    writes.incrementAndGet();
                },
                0,
                1_000_000 / changesPerSecond,
                TimeUnit.MICROSECONDS);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, InterruptedException {
        background.shutdown(); // not an interrupt: it would close Lucene's files under a running commit
        background.awaitTermination(1, TimeUnit.MINUTES);
        System.out.printf("%nBackground changes written: %,d%n", writes.get());
        if (!cpuNanos.isEmpty()) {
            // the searching thread's own CPU time: on a shared machine, what the wall time is with a core to itself
            List<Long> cpu = new ArrayList<>(cpuNanos);
            cpu.sort(null);
            List<Long> matched = new ArrayList<>(totals);
            matched.sort(null);
            System.out.printf(
                    "rankJob CPU time over %,d searches: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms;"
                            + " learners holding an asked skill: median %,d, max %,d%n",
                    cpu.size(),
                    cpu.get(cpu.size() / 2) / 1e6,
                    cpu.get((int) (cpu.size() * 0.95)) / 1e6,
                    cpu.get((int) (cpu.size() * 0.99)) / 1e6,
                    matched.get(matched.size() / 2),
                    matched.getLast());
        }
        writer.sql("drop schema if exists " + SCHEMA + " cascade").update();
        writerConnection.destroy();
        followerConnection.destroy();
        index.close();
        if (node != null) {
            node.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Writes the synthetic profiles into a fresh Lucene index there, committed and closed; answers the skills. */
    private long buildLucene(Path where) {
        long skills = 0;
        try (LuceneTalentIndex lucene = LuceneTalentIndex.open(where)) {
            for (int i = 0; i < profiles; i++) {
                TalentDocument doc = talent.profile(i);
                skills += doc.skills().size();
                lucene.add(doc);
            }
            lucene.commit();
        }
        return skills;
    }

    /** A hard link if the file system allows it (instant, and Lucene never writes into a file again), else a copy. */
    private static void link(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(from, to);
        }
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.equals(dir))
                    .forEach(p -> p.toFile().delete());
        }
    }

    /**
     * The same profiles on a real OpenSearch node (2 GB heap, its own JVM on this machine), loaded as the server's
     * rebuild loads them: bulk requests into a fresh index, then the alias. Answers the number of skills indexed.
     */
    private long buildOpenSearch() {
        node = NodeProcess.start(List.of("-Xms2g", "-Xmx2g"), Duration.ofMinutes(5));
        OpenSearchTalentIndex openSearch = OpenSearchTalentIndex.connect(
                new OpenSearchTalentIndex.Settings(node.url(), "talent-bench", 1, 0, Duration.ofMinutes(2)));
        LongAdder skills = new LongAdder();
        openSearch.rebuild(LongStream.range(0, profiles)
                .mapToObj(talent::profile)
                .peek(doc -> skills.add(doc.skills().size()))
                .iterator());
        index = openSearch;
        return skills.sum();
    }

    @Benchmark
    public TalentRanking.Page rankJob() {
        MatchTarget job = jobs.get(Math.floorMod(nextJob.getAndIncrement(), jobs.size()));
        long cpu = THREADS.getCurrentThreadCpuTime();
        TalentRanking.Page page = TalentRanking.rank(index, job, 0, 20, 5, pseudonym);
        cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
        totals.add(page.total());
        return page;
    }

    /** One probe learner opts out or in again; the time until a search for their skill agrees. */
    @Benchmark
    public long optInOutVisible() throws InterruptedException {
        AccountId learner = new AccountId(new java.util.UUID(0x9a0beL, probe.get() % 8));
        boolean in = current(learner).isPresent();
        change(
                learner,
                in
                        ? Optional.empty()
                        : Optional.of(new TalentDocument(
                                learner,
                                TalentDocument.Visibility.ANONYMOUS,
                                Map.of(PROBE_SKILL, EvidenceKind.VERIFIED))));
        SkillQuery query = new SkillQuery(List.of(new SkillQuery.Weighted(PROBE_SKILL, 1.0)));
        long spins = 0;
        while (index.top(query, 10).hits().stream().anyMatch(h -> h.learner().equals(learner)) == in) {
            Thread.sleep(1);
            spins++;
        }
        probe.incrementAndGet();
        return spins;
    }

    /** A change and its outbox row, committed (autocommit: one statement after the in-memory "table" changed). */
    private void change(AccountId learner, Optional<TalentDocument> now) {
        changed.put(learner, now);
        synchronized (writer) {
            writer.sql("insert into talent_outbox (account_id, created_at) values (?, now())")
                    .param(learner.value())
                    .update();
        }
    }

    private Optional<TalentDocument> current(AccountId learner) {
        Optional<TalentDocument> now = changed.get(learner);
        if (now != null) {
            return now;
        }
        long n = number(learner);
        return learner.value().getMostSignificantBits() == 0x7a1e47L && n < profiles
                ? Optional.of(talent.profile(n))
                : Optional.empty();
    }

    private static long number(AccountId learner) {
        return learner.value().getLeastSignificantBits();
    }

    /** The server's pseudonyms ({@code talent.Pseudonyms}): HMAC-SHA256 under the employer's derived key. */
    private static Function<AccountId, String> pseudonyms(byte[] employerKey) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(employerKey, "HmacSHA256"));
        return learner -> "c-"
                + HexFormat.of()
                        .formatHex(mac.doFinal(learner.value().toString().getBytes(StandardCharsets.UTF_8)), 0, 10);
    }

    /** The outbox's DDL: V47's table, V48's per-consumer marks and V59's subjects. */
    private static String migration() {
        StringBuilder ddl = new StringBuilder();
        for (String name : List.of(
                "V47__talent_outbox.sql", "V48__talent_outbox_consumers.sql", "V59__talent_outbox_subject.sql")) {
            try (var in = TalentSearchBenchmark.class.getResourceAsStream("/db/migration/" + name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is not on the class path");
                }
                ddl.append(new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", ""))
                        .append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ddl.toString();
    }
}
