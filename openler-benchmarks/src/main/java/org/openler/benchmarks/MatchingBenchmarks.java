package org.openler.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openler.platform.matching.Evidence;
import org.openler.platform.matching.LearnerRecord;
import org.openler.platform.matching.MatchEngine;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.Neighbour;
import org.openler.platform.matching.Relation;
import org.openler.platform.matching.SetCover;
import org.openler.platform.matching.TargetSkill;
import org.openler.platform.matching.TrainingOption;

/**
 * The three speeds issue 15 asks for, on the pure engine (no database, no HTTP), in sample-time mode so JMH reports
 * percentiles (p95 is the number asked for): one learner against one job (the whole explained match), one learner
 * ranked against 10,000 jobs, and the training plan (greedy weighted set cover) over a 10,000-entry registry.
 *
 * <p>Data: a vocabulary of 14,000 skill URIs (ESCO's size); jobs of 25 requirements (what an occupation target has:
 * 15 own + 10 borrowed) drawn with a skew so popular skills recur, weights 0.3–1, a third with a level; a learner
 * with 30 skills (verified, endorsed, self-asserted) and 20 neighbours each (600 edges, as ESCO's hierarchy and the
 * crosswalk give); registry entries teaching 3–10 skills each, with hours and cost; the plan's gaps are a job's
 * requirements the learner misses. Fixed seeds: every run sees the same data.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchingBenchmarks {

    static final int SKILLS = 14_000;
    static final int JOBS = 10_000;
    static final int REGISTRY = 10_000;

    private List<MatchTarget> jobs;
    private MatchTarget job;
    private LearnerRecord learner;
    private List<MatchEngine.Gap> gaps;
    private List<TrainingOption> registry;

    static URI skill(int i) {
        return URI.create("http://data.europa.eu/esco/skill/" + new UUID(0x5eed, i));
    }

    /** Popular skills recur: the square of a uniform draw favours low numbers. */
    static int skewed(Random random) {
        double u = random.nextDouble();
        return (int) (u * u * SKILLS);
    }

    @Setup
    public void setUp() {
        Random random = new Random(15);
        jobs = new ArrayList<>(JOBS);
        for (int j = 0; j < JOBS; j++) {
            List<TargetSkill> needs = new ArrayList<>();
            for (int r = 0; r < 25; r++) {
                int s = skewed(random);
                needs.add(new TargetSkill(
                        skill(s),
                        "skill " + s,
                        0.3 + 0.7 * random.nextDouble(),
                        random.nextBoolean(),
                        random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 0));
            }
            jobs.add(new MatchTarget("Job " + j, needs));
        }
        job = jobs.get(0);
        List<Evidence> evidence = new ArrayList<>();
        List<Neighbour> neighbours = new ArrayList<>();
        Relation[] relations = Relation.values();
        for (int e = 0; e < 30; e++) {
            // a third of them are the first job's skills, so its match has something to explain
            URI uri = e % 3 == 0 ? job.requirements().get(e / 3).skillUri() : skill(skewed(random));
            Evidence.Source source = switch (e % 5) {
                case 0, 1, 2 -> new Evidence.Source.Verified(UUID.randomUUID(), "Credential " + e, "Issuer", uri);
                case 3 -> new Evidence.Source.Endorsed(UUID.randomUUID(), "Endorser");
                default -> new Evidence.Source.SelfAsserted(UUID.randomUUID(), "own words");
            };
            evidence.add(new Evidence(uri, "skill", List.of(source), random.nextInt(6)));
            for (int n = 0; n < 20; n++) {
                neighbours.add(
                        new Neighbour(uri, skill(skewed(random)), relations[1 + random.nextInt(relations.length - 1)]));
            }
        }
        learner = LearnerRecord.of(evidence, neighbours);
        gaps = MatchEngine.match(job, learner).gaps();
        registry = new ArrayList<>(REGISTRY);
        for (int o = 0; o < REGISTRY; o++) {
            Set<URI> teaches = new HashSet<>();
            int size = 3 + random.nextInt(8);
            for (int t = 0; t < size; t++) {
                teaches.add(skill(skewed(random)));
            }
            if (o % 20 == 0) {
                // some entries teach a gap of the planned job, as a provider's catalogue would
                teaches.add(gaps.get(random.nextInt(gaps.size())).skill().skillUri());
            }
            registry.add(new TrainingOption(
                    "ce-" + new UUID(0xc7d1, o),
                    "Course " + o,
                    "Provider " + (o % 300),
                    teaches,
                    Optional.of(100.0 + random.nextInt(5000)),
                    "USD",
                    Optional.of(8.0 + random.nextInt(400)),
                    List.of("Online only"),
                    List.of(),
                    ""));
        }
    }

    /**
     * CPU time per operation, in percentiles, for a shared machine where wall-clock percentiles measure the other
     * tenants: {@code java -cp benchmarks.jar org.openler.benchmarks.MatchingBenchmarks [runs]}. The thread's own CPU
     * time (ThreadMXBean) leaves out time the scheduler gave to other processes.
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        MatchingBenchmarks b = new MatchingBenchmarks();
        b.setUp();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String name : List.of("oneJobOneLearner", "oneLearnerTenThousandJobs", "setCoverTenThousandEntries")) {
            Runnable op = switch (name) {
                case "oneJobOneLearner" -> b::oneJobOneLearner;
                case "oneLearnerTenThousandJobs" -> b::oneLearnerTenThousandJobs;
                default -> b::setCoverTenThousandEntries;
            };
            int n = name.equals("oneJobOneLearner") ? runs * 100 : runs;
            for (int i = 0; i < n; i++) {
                op.run(); // warm-up
            }
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                long start = cpu.getCurrentThreadCpuTime();
                op.run();
                times[i] = cpu.getCurrentThreadCpuTime() - start;
            }
            java.util.Arrays.sort(times);
            System.out.printf(
                    "%s: CPU time per op over %d runs: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    name,
                    n,
                    times[n / 2] / 1e6,
                    times[(int) (n * 0.95)] / 1e6,
                    times[(int) (n * 0.99)] / 1e6,
                    times[n - 1] / 1e6);
        }
    }

    /** One job against one learner: the explained match (every requirement, its evidence, the gaps). */
    @Benchmark
    public MatchEngine.Match oneJobOneLearner() {
        return MatchEngine.match(job, learner);
    }

    /** One learner against 10,000 jobs: every score, then the 20 best, as /me/jobs sorts them. */
    @Benchmark
    public int[] oneLearnerTenThousandJobs() {
        int[] scores = new int[jobs.size()];
        for (int j = 0; j < scores.length; j++) {
            scores[j] = MatchEngine.score(jobs.get(j), learner);
        }
        int[] best = new int[20];
        boolean[] taken = new boolean[scores.length];
        for (int k = 0; k < best.length; k++) {
            int top = -1;
            for (int j = 0; j < scores.length; j++) {
                if (!taken[j] && (top < 0 || scores[j] > scores[top])) {
                    top = j;
                }
            }
            taken[top] = true;
            best[k] = top;
        }
        return best;
    }

    /** The training plan over a 10,000-entry registry. */
    @Benchmark
    public SetCover.Plan setCoverTenThousandEntries() {
        return SetCover.plan(gaps, registry, SetCover.Measure.TIME);
    }
}
