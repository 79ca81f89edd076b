package org.openler.benchmarks.soak;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link PlatformMixSimulation} against a demo that is already running ({@code -Dsoak.base-url}), after making
 * what the simulation needs (a credential to verify, a share link to open, a token of the demo's issuing client),
 * and samples the server's heap and resident memory every 10 s into {@code target/soak/memory.csv}: the server is
 * found by {@code -Dsoak.pid}, or as the one process whose command line holds {@code openler-server}. Heap comes from
 * {@code jstat -gc} (old generation used = what survived collections, the live heap's trend; total used), RSS from
 * {@code /proc/<pid>/status}. Gatling's HTML report, with every request type's percentiles, lands in
 * {@code target/gatling}.
 */
public final class SoakRun {

    static final String CLIENT_ID = "demo-issuer";
    static final String CLIENT_SECRET = "demo-issuer-secret";

    /** An employer signed up for the soak: its admin's e-mail address and its organization's slug. */
    record Employer(String email, String slug) {}

    record Prepared(
            String credential,
            String sharePath,
            String achievementId,
            List<String> learners,
            List<Employer> employers) {}

    private static volatile Prepared prepared;

    static Prepared prepared() {
        if (prepared == null) {
            throw new IllegalStateException("Run the soak through SoakRun, which prepares its data first");
        }
        return prepared;
    }

    public static void main(String[] args) throws Exception {
        String base = PlatformMixSimulation.BASE;
        prepared = prepare(base);
        long given = Long.getLong("soak.pid", 0L);
        long pid = given > 0 ? given : serverPid();
        Path out = Path.of("target", "soak");
        Files.createDirectories(out);
        PrintWriter memory = new PrintWriter(Files.newBufferedWriter(out.resolve("memory.csv"), StandardCharsets.UTF_8));
        memory.println("time,old_gen_used_mb,heap_used_mb,heap_committed_mb,rss_mb");
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "memory-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> sample(pid, memory), 0, 10, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sample(pid, memory);
            memory.close();
        }));
        System.out.println("Soak against " + base + " (server pid " + pid + ") for " + PlatformMixSimulation.DURATION);
        io.gatling.app.Gatling.main(new String[] {
            "-s", PlatformMixSimulation.class.getName(), "-rf", "target/gatling"
        });
    }

    /**
     * A credential issued now, Marcus's share link to Demo Employer, and the accounts of the simulated people: the
     * demo's four learners and more learners signed up, and one employer organization per employer user, each signed
     * up through the product's own sign-up page (its admin may search talent), so no two simulated people share an
     * account or an employer's search limit.
     */
    static Prepared prepare(String base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String basic = Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        String tokenAnswer = send(http, HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), 200);
        String token = find("\"access_token\"\\s*:\\s*\"([^\"]+)\"", tokenAnswer);
        String achievements = send(http, HttpRequest.newBuilder(URI.create(base + "/orgs/demo-university/achievements"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json"), 200);
        String achievementId = find("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"", achievements);
        String issued = send(http, HttpRequest.newBuilder(URI.create(base + "/orgs/demo-university/credentials/issue"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"achievementId\": \"" + achievementId + "\", \"recipient\": {\"email\":"
                                + " \"soak-verify@example.org\"}}")), 201);
        // {"verifiableCredential": {...}} is what /credentials/verify takes as it is
        String credential = issued;

        String loginPage = send(http, HttpRequest.newBuilder(URI.create(base + "/login")).header("Accept", "text/html"), 200);
        send(http, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("email=marcus%40demo.openler.org&password="
                        + PlatformMixSimulation.PASSWORD + "&_csrf=" + find(PlatformMixSimulation.CSRF, loginPage))), 200);
        String home = send(http, HttpRequest.newBuilder(URI.create(base + "/wallet")).header("Accept", "text/html"), 200);
        String csrf = find(PlatformMixSimulation.CSRF, home);
        String wallet = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/wallet/credentials"))
                .header("Accept", "application/json"), 200);
        String walletId = find("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"", wallet);
        String share = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/shares"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"credentials\": [\"" + walletId
                        + "\"], \"party\": \"Demo Employer\", \"purpose\": \"Hiring\"}")), 201);
        String link = find("\"url\"\\s*:\\s*\"([^\"]+)\"", share);

        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < PlatformMixSimulation.LEARNER_USERS; i++) {
            if (i < PlatformMixSimulation.DEMO_LEARNERS.size()) {
                learners.add(PlatformMixSimulation.DEMO_LEARNERS.get(i));
            } else {
                String email = "soak-learner-" + run + "-" + i + "@example.org";
                signUp(base, "Soak Learner " + i, email, "LEARNER", "", "");
                learners.add(email);
            }
        }
        List<Employer> employers = new ArrayList<>();
        for (int i = 0; i < PlatformMixSimulation.EMPLOYER_USERS; i++) {
            Employer employer =
                    new Employer("soak-recruiter-" + run + "-" + i + "@example.org", "soak-employer-" + run + "-" + i);
            signUp(base, "Soak Recruiter " + i, employer.email(), "EMPLOYER", "Soak Employer " + i, employer.slug());
            employers.add(employer);
        }
        System.out.println("Soak accounts: " + learners.size() + " learners, " + employers.size() + " employers");
        return new Prepared(credential, URI.create(link).getPath(), achievementId, learners, employers);
    }

    /** The product's sign-up form, as a person fills it in (a fresh cookie jar: the form's CSRF token is per session). */
    private static void signUp(String base, String name, String email, String role, String organization, String slug)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String form = send(http, HttpRequest.newBuilder(URI.create(base + "/signup")).header("Accept", "text/html"), 200);
        String body = "displayName=" + enc(name) + "&email=" + enc(email) + "&password="
                + enc(PlatformMixSimulation.PASSWORD) + "&role=" + role + "&organizationName=" + enc(organization)
                + "&organizationSlug=" + enc(slug) + "&_csrf=" + enc(find(PlatformMixSimulation.CSRF, form));
        String answer = send(http, HttpRequest.newBuilder(URI.create(base + "/signup"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200);
        // a refused sign-up shows the form again with its error (also a 200); a made one lands on the sign-in page
        if (answer.contains("name=\"displayName\"")) {
            throw new IllegalStateException("Sign-up of " + email + " was refused");
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String send(HttpClient http, HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + response.statusCode()
                    + ", not " + expected + ": " + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response.body();
    }

    private static String find(String pattern, String in) {
        Matcher m = Pattern.compile(pattern).matcher(in);
        if (!m.find()) {
            throw new IllegalStateException("No " + pattern + " in " + in.substring(0, Math.min(300, in.length())));
        }
        return m.group(1);
    }

    private static long serverPid() {
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("openler-server"))
                .filter(p -> p.info().command().orElse("").endsWith("java"))
                .toList();
        if (servers.size() != 1) {
            throw new IllegalStateException("Found " + servers.size() + " openler-server processes; give -Dsoak.pid");
        }
        return servers.getFirst().pid();
    }

    private static synchronized void sample(long pid, PrintWriter memory) {
        try {
            String rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .findFirst()
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .orElse("0");
            Optional<double[]> gc = jstat(pid);
            double[] g = gc.orElse(new double[] {0, 0, 0});
            memory.printf("%s,%.1f,%.1f,%.1f,%d%n", Instant.now(), g[0], g[1], g[2], Long.parseLong(rss) / 1024);
            memory.flush();
        } catch (IOException | RuntimeException e) {
            memory.println("# sample failed: " + e);
            memory.flush();
        }
    }

    /** {@code jstat -gc}: old generation used, heap used, heap committed, in MB. */
    private static Optional<double[]> jstat(long pid) {
        try {
            Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
            Process p = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid)).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            p.waitFor(10, TimeUnit.SECONDS);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            String[] names = lines.get(0).trim().split("\\s+");
            String[] values = lines.get(1).trim().split("\\s+");
            List<String> header = new ArrayList<>(List.of(names));
            double ou = value(header, values, "OU");
            double used = value(header, values, "S0U") + value(header, values, "S1U") + value(header, values, "EU") + ou;
            double committed = value(header, values, "S0C") + value(header, values, "S1C") + value(header, values, "EC")
                    + value(header, values, "OC");
            return Optional.of(new double[] {ou / 1024, used / 1024, committed / 1024});
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static double value(List<String> header, String[] values, String name) {
        int i = header.indexOf(name);
        return i < 0 || i >= values.length ? 0 : Double.parseDouble(values[i]);
    }
}
