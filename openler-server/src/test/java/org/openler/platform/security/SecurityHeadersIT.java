package org.openler.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.kernel.Audience;
import org.openler.platform.security.RouteTable.Route;
import org.openler.platform.sharing.ShareKit;
import org.openler.platform.sharing.Shares;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every response carries the security headers, whatever answered it: each GET route of the platform (as someone it
 * answers: a learner, the organization's admin, an operator, or nobody), the external-wallet protocol endpoints
 * (their own filter chain), the embedded OpenID provider, static files, and errors. Checked on each: a
 * Content-Security-Policy without inline or eval'd script, HSTS, {@code nosniff}, a Referrer-Policy, framing denied,
 * and {@code Cache-Control: no-store} — except on the few public documents meant to be cached (DID documents,
 * status lists, registry entries), which must say {@code public} and nothing else may.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersIT {

    private static final String ACCEPT = "text/html, application/json;q=0.9, */*;q=0.8";

    /** The public documents verifiers and registries may cache; everything else is no-store. */
    private static final Set<String> CACHEABLE = Set.of(
            "/orgs/{org}/did.json",
            "/orgs/{org}/status/{purpose}/{number}",
            "/orgs/{org}/status/{purpose}/{number}/token",
            "/registry/resources/{ctid}",
            "/registry/resources/{ctid}/versions/{number}");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShareKit shareKit;

    @Autowired
    Shares shares;

    private WebClient anonymous;
    private WebClient learner;
    private WebClient admin;
    private WebClient operator;
    private String org;
    private String shareToken;
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

    @BeforeAll
    void signInOnePersonOfEachKind() {
        // A provider that issued a credential (so its status lists exist), to a learner who shared it.
        ShareKit.Holder holder = shareKit.holder("Headers Badge");
        org = holder.provider().org().slug();
        shareToken = shares.create(
                        holder.account().id(),
                        new Shares.NewShare(holder.held(), "Headers check", "Headers", Optional.empty()))
                .token();
        anonymous = WebClient.on(port);
        learner = signedIn(holder.account());
        admin = signedIn(holder.provider().org().admin());
        Account staff = fixtures.staff();
        jdbc.sql("update account set platform_operator = true where id = ?")
                .param(staff.id().value())
                .update();
        operator = signedIn(staff);
    }

    @TestFactory
    Stream<DynamicTest> everyPageAndApiResponseCarriesTheSecurityHeaders() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : RouteTable.read(context)) {
            if (!route.method().equals("GET") || route.access() == null) {
                continue;
            }
            tests.add(dynamicTest("GET " + route.pattern(), () -> {
                String path = route.path(
                        route.variables().stream().map(v -> value(route, v)).toList());
                check(route.pattern(), get(caller(route.access().value()), path));
            }));
        }
        assertThat(tests).hasSizeGreaterThan(80);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> protocolEndpointsErrorsAndStaticFilesCarryThemToo() {
        Map<String, HttpRequest.Builder> requests = new TreeMap<>();
        requests.put("POST /oid4vci/token (no code)", post("/oid4vci/token", "grant_type=nothing"));
        requests.put("POST /oid4vci/nonce", post("/oid4vci/nonce", ""));
        requests.put("POST /exchanges/{unknown}", post("/exchanges/" + RouteTable.randomToken(), "{}"));
        requests.put("GET /.well-known/openid-credential-issuer", request("/.well-known/openid-credential-issuer"));
        requests.put("GET /.well-known/openid-configuration", request("/.well-known/openid-configuration"));
        requests.put("GET /oauth2/jwks", request("/oauth2/jwks"));
        requests.put("POST /oauth2/token (no client)", post("/oauth2/token", "grant_type=client_credentials"));
        requests.put("GET /css/openler.css", request("/css/openler.css"));
        requests.put("GET /no/such/page", request("/no/such/page"));
        requests.put("POST /credentials/verify (not JSON)", post("/credentials/verify", "{"));
        return requests.entrySet().stream()
                .map(entry -> dynamicTest(
                        entry.getKey(),
                        () -> check(
                                entry.getKey(), anonymous.send(entry.getValue().build()))));
    }

    @AfterAll
    void printWhatAnswered() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.values().forEach(status -> byStatus.merge(status, 1L, Long::sum));
        System.out.println("\nSecurity headers checked on " + statuses.size() + " responses, by status: " + byStatus);
    }

    private void check(String what, HttpResponse<String> response) {
        statuses.put(what, response.statusCode());
        String cell = what + " (" + response.statusCode() + ")";
        assertThat(response.statusCode()).as("server error: " + cell).isLessThan(500);
        String csp = header(response, "Content-Security-Policy", cell);
        assertThat(scriptSources(csp))
                .as("scripts only from files, never inline or eval'd: " + cell)
                .doesNotContain("'unsafe-inline'", "'unsafe-eval'");
        boolean framingDenied = csp.contains("frame-ancestors 'none'")
                || response.headers()
                        .firstValue("X-Frame-Options")
                        .filter("DENY"::equalsIgnoreCase)
                        .isPresent();
        assertThat(framingDenied).as("framing denied: " + cell).isTrue();
        assertThat(header(response, "Strict-Transport-Security", cell))
                .as(cell)
                .matches("max-age=(\\d{8,}|[2-9]\\d{7}|1[6-9]\\d{6}|15[6-9]\\d{5}).*");
        assertThat(header(response, "X-Content-Type-Options", cell)).as(cell).isEqualTo("nosniff");
        assertThat(header(response, "Referrer-Policy", cell))
                .as(cell)
                .isIn("strict-origin-when-cross-origin", "no-referrer", "same-origin");
        String cache = header(response, "Cache-Control", cell);
        boolean cacheable = CACHEABLE.contains(what) && response.statusCode() == 200;
        if (cacheable) {
            assertThat(cache)
                    .as("a public document meant to be cached: " + cell)
                    .contains("public", "max-age");
        } else {
            assertThat(cache).as("nothing on the way may keep a copy: " + cell).contains("no-store");
        }
    }

    /** The sources scripts may come from: script-src, or default-src when there is none. */
    private static String scriptSources(String csp) {
        String fallback = "";
        for (String directive : csp.split(";")) {
            String trimmed = directive.strip();
            if (trimmed.startsWith("script-src ")) {
                return trimmed;
            }
            if (trimmed.startsWith("default-src ")) {
                fallback = trimmed;
            }
        }
        return fallback;
    }

    private static String header(HttpResponse<String> response, String name, String cell) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " on " + cell));
    }

    private WebClient caller(Audience audience) {
        return switch (audience) {
            case PUBLIC -> anonymous;
            case SIGNED_IN, LEARNER -> learner;
            case ORGANIZATION_STAFF -> admin;
            case OPERATOR -> operator;
        };
    }

    private String value(Route route, String variable) {
        return switch (variable) {
            case "org" -> org;
            case "purpose" -> "revocation";
            case "number" -> "1";
            case "token" -> route.pattern().startsWith("/share/") ? shareToken : RouteTable.randomToken();
            default -> RouteTable.plausible(route.variableType(variable));
        };
    }

    private HttpResponse<String> get(WebClient web, String path) {
        return web.send(request(path).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(anonymous.base() + path))
                .header("Accept", ACCEPT)
                .GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(anonymous.base() + path))
                .header("Accept", "application/json")
                .header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private WebClient signedIn(Account account) {
        WebClient web = WebClient.on(port);
        web.signIn(account.email().value(), Fixtures.PASSWORD);
        return web;
    }
}
