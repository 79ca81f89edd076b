package org.openler.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.openler.platform.registry.CredentialIndex;
import org.openler.platform.registry.CredentialOfValue;
import org.openler.platform.registry.IndexedCredential;
import org.openler.platform.registry.RegistryQuery;
import org.openler.platform.registry.RegistryResults;
import org.openler.skills.sources.Csv;

/**
 * Registry search at scale, as a bounded harness rather than JMH (the number asked for is a latency percentile over
 * many different queries, not a mean over one): generates N credentials of value from real vocabularies (ESCO 1.1.1
 * skills and O*NET 29.3 occupations from openler-data: names, descriptions, competencies, occupations), indexes
 * them with the registry's own {@link CredentialIndex} in a directory, reports build time and size, then runs three
 * mixes of typical queries (text; text + facets; facets only) and prints p50, p95, p99 and max per mix. Each search
 * is the whole registry search: the Lucene query, facet counts over every match for eight facets, and the first 20
 * results read. Not through HTTP: the server adds its own (small) cost per request.
 *
 * <p>{@code java -cp benchmarks.jar org.openler.benchmarks.RegistrySearchBenchmark <count> <data dir> <index dir>
 * [queries per mix] [reuse]}: {@code reuse} keeps an index of the same size from an earlier run.
 */
public final class RegistrySearchBenchmark {

    private static final String[] TYPES = {
        "Certificate",
        "Certificate",
        "Certificate",
        "Certification",
        "Certification",
        "Badge",
        "DigitalBadge",
        "OpenBadge",
        "MicroCredential",
        "MicroCredential",
        "AssociateDegree",
        "BachelorDegree",
        "MasterDegree",
        "DoctoralDegree",
        "License",
        "ApprenticeshipCertificate",
        "CertificateOfCompletion",
        "Diploma",
        "JourneymanCertificate",
        "MasterCertificate",
        "ProfessionalDoctorate",
        "SecondarySchoolDiploma"
    };
    private static final String[] DURATIONS = {
        "PT8H", "PT20H", "PT40H", "PT120H", "P2W", "P6W", "P8W", "P10W", "P3M", "P4M", "P6M", "P9M", "P1Y", "P18M",
        "P2Y", "P3Y", "P4Y"
    };
    private static final String[] STATES = {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
        "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"
    };
    private static final String[] CITY_PARTS = {
        "Spring", "River", "Oak", "Lake", "Cedar", "Fair", "Green", "Mill", "Ash", "Maple", "Pine", "Clear", "Stone",
        "Red", "White", "North", "South", "East", "West", "Port"
    };
    private static final String[] CITY_ENDS = {"field", "ville", "ton", "wood", "dale", " City", "burg", "port", "view"
    };
    private static final String[] PROVIDER_KINDS = {
        "Community College",
        "Technical College",
        "State University",
        "Institute of Technology",
        "Career Academy",
        "Training Center",
        "Nursing School",
        "Trade School",
        "Online Academy",
        "Workforce Board",
        "Union Training Fund"
    };

    record Skill(String uri, String label) {}

    record Occupation(String code, String title, String description) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println(
                    "usage: RegistrySearchBenchmark <count> <openler-data dir> <index dir> [queries per mix]");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        Path indexDir = Path.of(args[2]);
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        List<Skill> skills = skills(data);
        List<Occupation> occupations = occupations(data);
        System.out.printf(
                Locale.ROOT, "vocabulary: %,d ESCO skills, %,d O*NET occupations%n", skills.size(), occupations.size());

        boolean reuse = args.length > 4 && args[4].equals("reuse");
        Random random = new Random(20261123L);
        List<String> providers = providers(random, 5000);
        List<String> places = places(random, 600);
        if (!reuse) {
            deleteRecursively(indexDir);
        }
        Files.createDirectories(indexDir);
        long started = System.nanoTime();
        try (CredentialIndex index = CredentialIndex.open(indexDir)) {
            if (reuse && index.size() == count) {
                System.out.printf(Locale.ROOT, "index reused: %,d credentials in %s%n", index.size(), indexDir);
            } else {
                index.clear();
                for (int i = 0; i < count; i++) {
                    index.add(credential(i, random, skills, occupations, providers, places));
                    if ((i + 1) % 100_000 == 0) {
                        System.out.printf(Locale.ROOT, "  indexed %,d (%.0f s)%n", i + 1, seconds(started));
                    }
                }
                index.commit(count);
                double buildSeconds = seconds(started);
                System.out.printf(
                        Locale.ROOT,
                        "index build: %,d credentials in %.1f s (%,.0f per s)%n",
                        index.size(),
                        buildSeconds,
                        count / buildSeconds);
            }
            long bytes = index.sizeInBytes();
            System.out.printf(
                    Locale.ROOT,
                    "index size: %,.1f MB (%,.0f bytes per credential)%n",
                    bytes / 1e6,
                    (double) bytes / count);

            Random queryRandom = new Random(7L);
            List<String> words = queryWords(skills, occupations);
            Supplier<RegistryQuery> text = () -> RegistryQuery.text(phrase(queryRandom, words));
            Supplier<RegistryQuery> textAndFacets = () -> {
                RegistryQuery.Builder q = RegistryQuery.builder().text(phrase(queryRandom, words));
                return switch (queryRandom.nextInt(4)) {
                    case 0 -> q.types(List.of(pick(queryRandom, TYPES))).build();
                    case 1 ->
                        q.delivery(List.of("ONLINE"))
                                .cost(Optional.empty(), Optional.of(4999L))
                                .build();
                    case 2 ->
                        q.locations(List.of(places.get(zipf(queryRandom, places.size()))))
                                .build();
                    default ->
                        q.types(List.of("Certificate", "Certification"))
                                .hours(Optional.empty(), Optional.of(2189L))
                                .build();
                };
            };
            Supplier<RegistryQuery> facetsOnly = () -> {
                RegistryQuery.Builder q = RegistryQuery.builder();
                return switch (queryRandom.nextInt(4)) {
                    case 0 ->
                        q.competencies(List.of(skills.get(zipf(queryRandom, skills.size()))
                                        .uri()))
                                .build();
                    case 1 ->
                        q.occupations(List.of(onet(occupations
                                        .get(zipf(queryRandom, occupations.size()))
                                        .code())))
                                .delivery(List.of("ONLINE", "BLENDED"))
                                .build();
                    case 2 ->
                        q.types(List.of(pick(queryRandom, TYPES)))
                                .locations(List.of(places.get(zipf(queryRandom, places.size()))))
                                .build();
                    default ->
                        q.providers(List.of(providers.get(zipf(queryRandom, providers.size()))))
                                .cost(Optional.of(0L), Optional.of(0L))
                                .build();
                };
            };
            // Warm-up: the JIT and the operating system's file cache, on queries not measured.
            for (Supplier<RegistryQuery> mix : List.of(text, textAndFacets, facetsOnly)) {
                run(index, mix, queries / 2);
            }
            report("text", run(index, text, queries));
            report("text + facets", run(index, textAndFacets, queries));
            report("facets only", run(index, facetsOnly, queries));
            RegistryResults sample = index.search(RegistryQuery.text("nursing assistant"));
            System.out.printf(
                    Locale.ROOT,
                    "sample: \"nursing assistant\" → %,d matches; first: %s%n",
                    sample.total(),
                    sample.hits().isEmpty() ? "-" : sample.hits().get(0).name());
        }
    }

    /**
     * Wall-clock and CPU latencies in microseconds, one per query; also the matches, so no work is optimised away.
     * CPU time is this thread's own: on a machine shared with other work, it is what the wall time would be with a
     * core to itself.
     */
    record Run(long[] micros, long[] cpuMicros, long matches) {}

    private static Run run(CredentialIndex index, Supplier<RegistryQuery> queries, int n) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] micros = new long[n];
        long[] cpu = new long[n];
        long matches = 0;
        for (int i = 0; i < n; i++) {
            RegistryQuery query = queries.get();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            RegistryResults results = index.search(query);
            micros[i] = (System.nanoTime() - t0) / 1000;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1000;
            matches += results.total();
        }
        return new Run(micros, cpu, matches);
    }

    private static void report(String mix, Run run) {
        long[] sorted = run.micros().clone();
        Arrays.sort(sorted);
        long[] cpu = run.cpuMicros().clone();
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "%-14s n=%d  wall p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms | cpu p50 %5.1f ms  p95 %5.1f"
                        + " ms  p99 %5.1f ms  (mean matches %,d)%n",
                mix,
                sorted.length,
                percentile(sorted, 0.50) / 1000.0,
                percentile(sorted, 0.95) / 1000.0,
                percentile(sorted, 0.99) / 1000.0,
                sorted[sorted.length - 1] / 1000.0,
                percentile(cpu, 0.50) / 1000.0,
                percentile(cpu, 0.95) / 1000.0,
                percentile(cpu, 0.99) / 1000.0,
                run.matches() / sorted.length);
    }

    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static IndexedCredential credential(
            int i,
            Random random,
            List<Skill> skills,
            List<Occupation> occupations,
            List<String> providers,
            List<String> places) {
        Occupation occupation = occupations.get(zipf(random, occupations.size()));
        String type = pick(random, TYPES);
        Set<Skill> taught = new LinkedHashSet<>();
        int n = 3 + random.nextInt(6);
        while (taught.size() < n) {
            taught.add(skills.get(zipf(random, skills.size())));
        }
        Skill lead = taught.iterator().next();
        String name = switch (random.nextInt(4)) {
            case 0 -> occupation.title() + " " + CredentialIndexWords.words(type);
            case 1 -> capitalise(lead.label()) + " " + CredentialIndexWords.words(type);
            case 2 -> "Advanced " + lead.label() + " for " + occupation.title();
            default -> "Foundations of " + lead.label();
        };
        String description = firstSentence(occupation.description()) + " Learners practise "
                + String.join(", ", taught.stream().map(Skill::label).toList()) + ".";
        String provider = providers.get(zipf(random, providers.size()));
        Set<String> delivery = new LinkedHashSet<>();
        delivery.add(pick(random, new String[] {"IN_PERSON", "IN_PERSON", "ONLINE", "ONLINE", "BLENDED"}));
        if (random.nextInt(5) == 0) {
            delivery.add("ONLINE");
        }
        Optional<Long> cost = random.nextInt(10) == 0
                ? Optional.of(0L)
                : random.nextInt(12) == 0
                        ? Optional.empty()
                        : Optional.of((long) Math.exp(4 + random.nextDouble() * 6.5));
        String duration = pick(random, DURATIONS);
        List<CredentialOfValue.Alignment> competencies = taught.stream()
                .map(s -> new CredentialOfValue.Alignment(URI.create(s.uri()), s.label()))
                .toList();
        return new IndexedCredential(
                String.format(Locale.ROOT, "ce-00000000-0000-4000-8000-%012d", i),
                name,
                description,
                "Complete the required coursework and pass the final assessment.",
                type,
                provider.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                provider,
                cost,
                Optional.of(duration),
                Optional.of(new CredentialOfValue.EstimatedDuration(duration).hours()),
                delivery,
                List.of(places.get(zipf(random, places.size()))),
                competencies,
                List.of(new CredentialOfValue.Alignment(URI.create(onet(occupation.code())), occupation.title())),
                List.of());
    }

    /** A Zipf-like index: a few values are common, most are rare, as with real skills, places and providers. */
    private static int zipf(Random random, int size) {
        double u = random.nextDouble();
        return (int) Math.min(size - 1, Math.floor(Math.pow(size, u) - 1));
    }

    private static String phrase(Random random, List<String> words) {
        String first = words.get(zipf(random, words.size()));
        return random.nextInt(3) == 0 ? first + " " + words.get(zipf(random, words.size())) : first;
    }

    /** Query words people type: the words of occupation titles and skill labels, most frequent first. */
    private static List<String> queryWords(List<Skill> skills, List<Occupation> occupations) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        Stream.concat(skills.stream().map(Skill::label), occupations.stream().map(Occupation::title))
                .flatMap(label -> Arrays.stream(label.toLowerCase(Locale.ROOT).split("[^a-z]+")))
                .filter(w -> w.length() > 3)
                .forEach(w -> counts.merge(w, 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(java.util.Map.Entry::getKey)
                .limit(5000)
                .toList();
    }

    private static List<Skill> skills(Path data) throws IOException {
        Path zip = data.resolve("esco/ESCO dataset - v1.1.1 - classification - en - csv.zip");
        List<Skill> skills = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile());
                BufferedReader in = new BufferedReader(new InputStreamReader(
                        file.getInputStream(file.getEntry("skills_en.csv")), StandardCharsets.UTF_8))) {
            List<List<String>> rows = Csv.readAll(in);
            List<String> header = rows.getFirst();
            int uri = header.indexOf("conceptUri");
            int label = header.indexOf("preferredLabel");
            for (List<String> row : rows.subList(1, rows.size())) {
                skills.add(new Skill(row.get(uri), row.get(label)));
            }
        }
        return skills;
    }

    private static List<Occupation> occupations(Path data) throws IOException {
        Path file = data.resolve("onet/text/Occupation Data.txt.gz");
        List<Occupation> occupations = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] parts = line.split("\t", 3);
                occupations.add(new Occupation(parts[0], parts[1], parts.length > 2 ? parts[2] : ""));
            }
        }
        return occupations;
    }

    private static List<String> providers(Random random, int n) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < n) {
            names.add(pick(random, CITY_PARTS) + pick(random, CITY_ENDS) + " " + pick(random, PROVIDER_KINDS)
                    + (random.nextInt(3) == 0 ? " of " + pick(random, STATES) : ""));
        }
        return List.copyOf(names);
    }

    private static List<String> places(Random random, int n) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < n) {
            names.add(pick(random, CITY_PARTS) + pick(random, CITY_ENDS) + ", " + pick(random, STATES) + ", US");
        }
        return List.copyOf(names);
    }

    private static String onet(String code) {
        return "https://www.onetonline.org/link/summary/" + code;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** "BachelorDegree" as "Bachelor Degree", as the registry shows types. */
    private static final class CredentialIndexWords {
        static String words(String camel) {
            return camel.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
        }
    }

    private RegistrySearchBenchmark() {}
}
