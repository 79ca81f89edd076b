package org.openler.platform.matching;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openler.platform.jobs.BenchmarkJobs;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.skills.BenchmarkOntology;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Competency;
import org.openler.platform.skills.CompetencyId;
import org.openler.platform.skills.Occupation;
import org.openler.platform.skills.Occupations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The service-level path behind a learner's {@code /me/jobs} (issue 15's slowest page in the soak), before and after
 * its data loading was fixed, side by side in one run, in sample-time mode (p95): the learner's record is ranked
 * against every open job and the occupations their record points to are found and ranked ({@code Matching.jobs}
 * and {@code Matching.suggested}, what {@code Matching.overview} does once the record is read).
 *
 * <ul>
 *   <li>{@code before}: as main was at 62670b5: every open job read in full (jobs, requirements, credentials) on
 *       every call; per skill held, its competency and the occupations requiring it read; 40 candidate occupations'
 *       own requirements read (one query each); only the full occupation targets kept;
 *   <li>{@code after}: the open jobs' heads read (one query), a job's requirements only when its version moved;
 *       the ontology's reads kept until a framework import.
 * </ul>
 *
 * <p>Data: a PostgreSQL database where the server has run with the bundled ontology loaded (the demo, or the
 * integration tests), {@code -p url=jdbc:postgresql://127.0.0.1:5432/DB}; {@code jobs} synthetic open jobs at a
 * scratch employer (removed after), each asking for the 12 heaviest own requirements of a random O*NET occupation;
 * a learner like the demo's Claire: a verified credential aligned to the heaviest skills of Registered Nurses
 * (29-1141.00) at level 3, two skills in their own words, with the ontology's neighbours. Before and after must give
 * the same ranking, or setup fails. Reading and verifying the learner's credentials (the same in both) is not in it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class JobsByFitBenchmarks {

    @Param("jdbc:postgresql://127.0.0.1:5432/test")
    public String url;

    @Param("postgres")
    public String user;

    @Param("2000")
    public int jobs;

    private static final String NURSES = "29-1141.00";
    private static final URI WELDING =
            URI.create("http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc");

    private SingleConnectionDataSource dataSource;
    private JdbcClient jdbc;
    private UUID employer;
    private Occupations occupations;
    private Competencies competencies;
    private OccupationTargets kept;
    private Matching beforeMatching;
    private Matching afterMatching;
    private LearnerRecord record;

    @Setup
    public void setUp() throws SQLException {
        dataSource = new SingleConnectionDataSource(url, user, "", true);
        jdbc = JdbcClient.create(dataSource);
        occupations = BenchmarkOntology.occupations(jdbc);
        competencies = BenchmarkOntology.competencies(jdbc, new JdbcTemplate(dataSource));
        OccupationTargets targets = new OccupationTargets(occupations, competencies);
        SkillNeighbours neighbours = new SkillNeighbours(competencies);
        BenchmarkJobs stored = new BenchmarkJobs(jdbc);
        seed(stored, targets);

        Occupation nurses = targets.resolve(NURSES);
        List<Evidence> evidence = new ArrayList<>();
        UUID credential = UUID.randomUUID();
        List<TargetSkill> heaviest = targets.target(nurses).requirements();
        for (TargetSkill s : heaviest.subList(0, Math.min(15, heaviest.size()))) {
            evidence.add(new Evidence(
                    s.skillUri(),
                    s.label(),
                    List.of(new Evidence.Source.Verified(
                            credential, "Nursing Practice Certificate", "Demo Community College", s.skillUri(), 3)),
                    0));
        }
        for (URI skill : List.of(WELDING, heaviest.getLast().skillUri())) {
            evidence.add(new Evidence(
                    skill,
                    "in my own words",
                    List.of(new Evidence.Source.SelfAsserted(UUID.randomUUID(), "I can")),
                    0));
        }
        record = LearnerRecord.of(
                evidence,
                neighbours.around(evidence.stream().map(Evidence::skill).toList()));

        kept = new OccupationTargets(occupations, competencies);
        beforeMatching = new Matching(null, kept, null, List.of(stored.before()), neighbours);
        afterMatching = new Matching(
                null, new OccupationTargets(occupations, competencies), null, List.of(stored.after()), neighbours);
        Page before = before();
        Page after = after();
        if (!before.equals(after)
                || before.jobs().size() < jobs
                || before.occupations().isEmpty()) {
            throw new IllegalStateException(
                    "Before and after differ, or nothing was ranked: " + before + " / " + after);
        }
    }

    /** What the page shows: jobs by fit and the suggested occupations. */
    public record Page(List<Matching.Ranked> jobs, List<Matching.Ranked> occupations) {}

    @Benchmark
    public void before(Blackhole hole) {
        hole.consume(before());
    }

    @Benchmark
    public void after(Blackhole hole) {
        hole.consume(after());
    }

    Page before() {
        return new Page(beforeMatching.jobs(record), suggestedBefore(record));
    }

    Page after() {
        return new Page(afterMatching.jobs(record), afterMatching.suggested(record, Matching.SUGGESTED));
    }

    /** {@code Matching.suggested} as it was at 62670b5: everything but the full targets read again on every call. */
    private List<Matching.Ranked> suggestedBefore(LearnerRecord learner) {
        OccupationTargets fresh = new OccupationTargets(occupations, competencies);
        Map<UUID, Double> votes = new LinkedHashMap<>();
        Map<UUID, Occupation> found = new LinkedHashMap<>();
        for (Evidence e : learner.evidence()) {
            Optional<Competency> c = competencies.byUri(e.skill());
            if (c.isEmpty()) {
                continue;
            }
            List<Occupation> requiring =
                    occupations.requiring(new CompetencyId(c.get().id()), Matching.REQUIRING);
            for (int i = 0; i < requiring.size(); i++) {
                Occupation o = requiring.get(i);
                votes.merge(o.id(), 1.0 - (double) i / Matching.REQUIRING, Double::sum);
                found.putIfAbsent(o.id(), o);
            }
        }
        List<Occupation> candidates = new ArrayList<>(found.values());
        candidates.sort(Comparator.<Occupation>comparingDouble(o -> votes.get(o.id()))
                .reversed()
                .thenComparing(Occupation::title));
        List<Occupation> first = candidates.subList(0, Math.min(Matching.CANDIDATES, candidates.size()));
        Map<UUID, Double> rough = new LinkedHashMap<>();
        for (Occupation o : first) {
            List<TargetSkill> own = fresh.own(o);
            rough.put(
                    o.id(),
                    MatchEngine.exact(
                            new MatchTarget(o.title(), own.subList(0, Math.min(OccupationTargets.OWN, own.size()))),
                            learner));
        }
        List<Occupation> best = new ArrayList<>(first);
        best.sort(Comparator.<Occupation>comparingDouble(o -> rough.get(o.id())).reversed());
        List<Matching.Ranked> ranked = new ArrayList<>();
        for (Occupation o : best.subList(0, Math.min(2 * Matching.SUGGESTED, best.size()))) {
            ranked.add(Matching.ranked(Matching.subject(o), kept.target(o), learner));
        }
        ranked.sort(Matching.BY_FIT);
        return List.copyOf(ranked.subList(0, Math.min(Matching.SUGGESTED, ranked.size())));
    }

    /** {@code jobs} open jobs at a scratch employer, in one transaction. */
    private void seed(BenchmarkJobs stored, OccupationTargets targets) throws SQLException {
        List<String> codes = jdbc.sql(
                        "select o.code from skill_occupation o join skill_framework f on f.id = o.framework_id"
                                + " where f.slug = 'onet' and exists (select 1 from skill_requirement r where r.occupation_id = o.id"
                                + " and r.source = 'rated') order by o.code")
                .query(String.class)
                .list();
        if (codes.isEmpty()) {
            throw new IllegalStateException(
                    "No O*NET occupations in " + url + ": run the server (demo) or the ITs there first");
        }
        employer = UUID.randomUUID();
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        jdbc.sql(
                        "insert into organization (id, slug, name, kind, created_at) values (?, ?, 'Benchmark Employer', 'EMPLOYER', ?)")
                .params(employer, "bench-jobs-" + employer, Timestamp.from(Instant.now()))
                .update();
        Random random = new Random(15);
        Instant now = Instant.now();
        for (int j = 0; j < jobs; j++) {
            String code = codes.get(random.nextInt(codes.size()));
            Occupation o = targets.resolve(code);
            List<TargetSkill> own = targets.own(o);
            stored.insert(
                    new OrganizationId(employer),
                    new BenchmarkJobs.Written(o.title() + " #" + j, code, own.subList(0, Math.min(12, own.size()))),
                    now.plusMillis(j));
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    @TearDown
    public void tearDown() {
        String jobsOf = "(select id from job where organization_id = ?)";
        jdbc.sql("delete from job_requirement where job_id in " + jobsOf)
                .param(employer)
                .update();
        jdbc.sql("delete from job_credential where job_id in " + jobsOf)
                .param(employer)
                .update();
        jdbc.sql("delete from job where organization_id = ?").param(employer).update();
        jdbc.sql("delete from organization where id = ?").param(employer).update();
        dataSource.destroy();
    }
}
