package org.openler.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.clients.MachineClientService;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationPowers;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.Problem;
import org.openler.platform.security.Cast.Who;
import org.openler.platform.security.RouteTable.Route;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route of the platform against every kind of actor, sent for real over HTTP. The routes come from Spring MVC's
 * own table; the expected answer of each cell is computed here from the route's {@link Access} annotation,
 * independently of the interceptor that enforces it: allowed, 401 (anonymous), 403 (known actor without the right)
 * or 404 (organization that does not exist). A cell whose actor may change or delete a target (a staff member, a
 * machine client) gets a target made for it alone, so no cell depends on another's leftovers; refused cells share one
 * target and must leave it untouched. Also here: the actuator, which the security chain guards rather than
 * {@link Access}, and cross-site request forgery on every unsafe route. The matrices are printed at the end.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The staff roles from least to most; written out here rather than borrowed from {@link StaffRole#includes}. */
    private static final List<StaffRole> ROLE_ORDER = List.of(StaffRole.VIEWER, StaffRole.ISSUER, StaffRole.ADMIN);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationService organizations;

    @Autowired
    MachineClientService clients;

    @Autowired
    org.openler.platform.sharing.ShareKit shareKit;

    @Autowired
    org.openler.platform.sharing.Shares shares;

    private Cast cast;
    /** The link token of an active share of a learner outside the cast: share links reach a real share. */
    private String shareToken;

    private String sharedMember;
    private String sharedClient;
    private List<Route> routes;
    private final Map<String, Map<Who, String>> knownOrganization = new LinkedHashMap<>();
    private final Map<String, Map<Who, String>> unknownOrganization = new LinkedHashMap<>();
    private final Map<String, Map<Who, String>> employerOrganization = new LinkedHashMap<>();
    private @Nullable String sharedMemberOfB;
    private @Nullable String sharedClientOfB;
    private final Map<String, Map<Who, String>> actuator = new LinkedHashMap<>();

    enum Verdict {
        ALLOWED,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND
    }

    /** The organization named in the path: A (a provider), B (an employer), or one that does not exist. */
    enum Target {
        A(Organization.Kind.PROVIDER),
        B(Organization.Kind.EMPLOYER),
        UNKNOWN(null);

        final Organization.@Nullable Kind kind;

        Target(Organization.@Nullable Kind kind) {
            this.kind = kind;
        }
    }

    @BeforeAll
    void assembleTheCast() {
        routes = RouteTable.read(context);
        cast = Cast.assemble(port, fixtures, jdbc);
        sharedMember = fixtures.member(cast.orgA, StaffRole.VIEWER).id().value().toString();
        sharedClient = fixtures.client(cast.orgA).client().clientId();
        sharedMemberOfB =
                fixtures.member(cast.orgB, StaffRole.VIEWER).id().value().toString();
        sharedClientOfB = fixtures.client(cast.orgB).client().clientId();
        assertThat(cast.orgA.organization().kind()).isEqualTo(Target.A.kind);
        assertThat(cast.orgB.organization().kind()).isEqualTo(Target.B.kind);
        var holder = shareKit.holder("Matrix Badge");
        shareToken = shares.create(
                        holder.account().id(),
                        new org.openler.platform.sharing.Shares.NewShare(
                                holder.held(), "Matrix employer", "Authorization matrix", java.util.Optional.empty()))
                .token();
        for (Route route : routes) {
            knownOrganization.put(route.name(), new EnumMap<>(Who.class));
            if (route.variables().contains("org")) {
                unknownOrganization.put(route.name(), new EnumMap<>(Who.class));
                employerOrganization.put(route.name(), new EnumMap<>(Who.class));
            }
        }
    }

    @Test
    void everyPlatformRouteDeclaresWhoMayCallIt() {
        assertThat(routes).extracting(Route::name).contains("GET /api/v1/me", "GET /orgs/{org}");
        assertThat(routes)
                .filteredOn(route -> route.access() == null)
                .extracting(Route::name)
                .as("routes without @Access (the interceptor refuses them, but each must say who may call it)")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEveryActorAsItsAccessRuleSays() {
        return routes.stream()
                .filter(route -> route.access() != null)
                .flatMap(route -> Who.ofProviderMatrix().stream()
                        .map(who -> dynamicTest(route.name() + " as " + who, () -> cell(route, who, Target.A))));
    }

    @TestFactory
    Stream<DynamicTest> anOrganizationThatDoesNotExistIsNotFoundForEveryoneSignedIn() {
        return routes.stream()
                .filter(route -> route.access() != null && route.variables().contains("org"))
                .flatMap(route -> Who.ofProviderMatrix().stream()
                        .map(who -> dynamicTest(
                                route.name() + " as " + who + " (unknown organization)",
                                () -> cell(route, who, Target.UNKNOWN))));
    }

    /**
     * Every organization route with the employer B in the path, as B's staff in each role, B's machine client, A's
     * admin and a learner. The expected answers come from the policy table ({@link OrganizationPowers}): the route's
     * power, the employer's least role for it, or a refusal for every role when employers do not hold it.
     */
    @TestFactory
    Stream<DynamicTest> everyOrganizationRouteAnswersTheEmployersStaffAsThePolicyTableSays() {
        return routes.stream()
                .filter(route -> route.access() != null && route.variables().contains("org"))
                .flatMap(route -> Who.ofEmployerMatrix().stream()
                        .map(who -> dynamicTest(
                                route.name() + " as " + who + " (employer B)", () -> cell(route, who, Target.B))));
    }

    /** The table is the policy: every organization route says which power it uses, so the table decides it. */
    @Test
    void everyOrganizationRouteNamesItsPower() {
        assertThat(routes)
                .filteredOn(route -> route.access() != null
                        && route.access().value() == Audience.ORGANIZATION_STAFF
                        && route.access().power() == Power.UNDECLARED)
                .extracting(Route::name)
                .as("organization routes without a power (add one, and a row to OrganizationPowers if needed)")
                .isEmpty();
    }

    /**
     * Cross-site request forgery on every unsafe route, as the admin of A (who may do everything there, so a refusal
     * can only be about the forgery): the session cookie without the CSRF token is refused with 403, and adding a
     * made-up bearer token (which would skip the CSRF check) is refused with 401. Neither touches anything.
     */
    @TestFactory
    Stream<DynamicTest> crossSiteRequestForgeryIsRefusedOnEveryUnsafeRoute() {
        return routes.stream()
                .filter(route -> route.access() != null && route.changesThings())
                .filter(route -> !SESSIONLESS_PUBLIC_POSTS.contains(route.pattern()))
                .flatMap(route -> Stream.of(
                        dynamicTest(
                                route.name() + " as admin of A forged without the CSRF token",
                                () -> forgery(route, false)),
                        dynamicTest(
                                route.name() + " as admin of A forged with a made-up bearer token",
                                () -> forgery(route, true))));
    }

    /**
     * VC-API verification and skill suggestions: public, read no session, change nothing, so programs post to them
     * without a CSRF token (SecurityConfiguration exempts exactly these). A forged request there can do nothing a
     * direct one cannot.
     */
    private static final java.util.Set<String> SESSIONLESS_PUBLIC_POSTS = java.util.Set.of(
            "/credentials/verify",
            "/presentations/verify",
            "/skills/suggest",
            "/skills/titles/suggest",
            // OpenID4VP answers from wallets (presentations): the response checks its own nonce and state
            "/oid4vp/response",
            // the external-wallet protocols (exchange): no session at all, each checks its own one-exchange secret
            "/exchanges/{exchangeId}",
            "/oid4vci/token",
            "/oid4vci/nonce",
            "/oid4vci/credential",
            // Open Badges 3.0 dynamic client registration (obapi): applications register without a session
            "/ims/ob/v3p0/register");

    /**
     * The Open Badges 3.0 and CLR 2.0 resource routes (obapi): their own filter chain takes only a bearer token with the
     * operation's scope, given by a learner's consent (ObApiIT drives that); every refusal is the specification's
     * Imsx_StatusInfo. Their {@code @Access(PUBLIC)} means "not the platform's session rules".
     */
    static final java.util.Set<String> BEARER_ONLY_ROUTES = java.util.Set.of(
            "/ims/ob/v3p0/credentials", "/ims/ob/v3p0/profile", "/ims/clr/v2p0/credentials", "/ims/clr/v2p0/profile");

    /** An Imsx_StatusInfo refusal: the status, JSON, and the code minor the status stands for. */
    static void assertImsx(HttpResponse<String> response, int status, String cell) {
        assertThat(response.statusCode()).as(cell).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as("content type of " + cell)
                .startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("imsx_codeMajor").asString()).as(cell).isEqualTo("failure");
        assertThat(body.path("imsx_codeMinor")
                        .path("imsx_codeMinorField")
                        .path(0)
                        .path("imsx_codeMinorFieldValue")
                        .asString())
                .as(cell)
                .isEqualTo(status == 401 ? "unauthorizedrequest" : "forbidden");
    }

    /** Public routes that take their own short-lived token (OpenID4VCI's credential endpoint), not the platform's. */
    private static final java.util.Set<String> OWN_TOKEN_ROUTES = java.util.Set.of("/oid4vci/credential");

    private void forgery(Route route, boolean bearerToo) {
        String path = route.path(variableValues(route, Target.A, false));
        boolean json = route.takesJson();
        HttpResponse<String> response = cast.caller(Who.ADMIN_OF_A)
                .forge(
                        route.method(),
                        path,
                        json ? "application/json" : "application/x-www-form-urlencoded",
                        (json ? jsonBody(route) : WebClient.form(formFields(route))).getBytes(StandardCharsets.UTF_8),
                        bearerToo);
        String attack = route.name() + " forged" + (bearerToo ? " with a made-up bearer token" : "");
        if (BEARER_ONLY_ROUTES.contains(route.pattern())) {
            // the session cookie does not count there at all: refused as having no token either way
            assertImsx(response, 401, attack);
            assertSharedTargetsUntouched(attack);
            return;
        }
        assertProblem(response, bearerToo ? Problem.UNAUTHENTICATED : Problem.FORBIDDEN, attack);
        assertSharedTargetsUntouched(attack);
    }

    private void assertSharedTargetsUntouched(String cell) {
        assertThat(organizations.roleOf(
                        new AccountId(UUID.fromString(sharedMember)),
                        cast.orgA.organization().id()))
                .as("a refused request left the shared staff member alone: " + cell)
                .contains(StaffRole.VIEWER);
        assertThat(clients.organizationOf(sharedClient))
                .as("a refused request left the shared machine client alone: " + cell)
                .contains(cast.orgA.organization().id());
        if (sharedMemberOfB != null) {
            assertThat(organizations.roleOf(
                            new AccountId(UUID.fromString(sharedMemberOfB)),
                            cast.orgB.organization().id()))
                    .as("a refused request left B's shared staff member alone: " + cell)
                    .contains(StaffRole.VIEWER);
            assertThat(clients.organizationOf(sharedClientOfB))
                    .as("a refused request left B's shared machine client alone: " + cell)
                    .contains(cast.orgB.organization().id());
        }
    }

    /**
     * The actuator is not in Spring MVC's route table (its endpoints have their own handler mapping) and is guarded by
     * the security chain instead of {@link Access}: health is public, everything else exposed is for operators.
     */
    @TestFactory
    Stream<DynamicTest> theActuatorAnswersOnlyOperatorsBeyondHealth() {
        Map<String, Audience> endpoints = new LinkedHashMap<>();
        endpoints.put("/actuator/health", Audience.PUBLIC);
        endpoints.put("/actuator/info", Audience.OPERATOR);
        endpoints.put("/actuator/metrics", Audience.OPERATOR);
        endpoints.keySet().forEach(path -> actuator.put("GET " + path, new EnumMap<>(Who.class)));
        return endpoints.entrySet().stream()
                .flatMap(endpoint -> Arrays.stream(Who.values())
                        .map(who -> dynamicTest(
                                "GET " + endpoint.getKey() + " as " + who,
                                () -> actuatorCell(endpoint.getKey(), endpoint.getValue(), who))));
    }

    @AfterAll
    void printTheMatrix() {
        System.out.println(table("Authorization matrix (organization A named in the path)", knownOrganization));
        System.out.println(table("Authorization matrix (unknown organization in the path)", unknownOrganization));
        System.out.println(table("Authorization matrix (employer B in the path)", employerOrganization));
        System.out.println(table("Actuator (guarded by the security chain)", actuator));
    }

    /**
     * Whether another handler answers HTML on the same method and path (matching's /me/… pages beside their JSON):
     * then a browser is sent to sign in, as for any page.
     */
    private boolean htmlAtSamePath(Route route) {
        return routes.stream().anyMatch(r -> r != route && r.name().equals(route.name()) && r.servesHtml());
    }

    private void cell(Route route, Who who, Target target) {
        Access access = route.access();
        assertThat(access).isNotNull();
        Verdict verdict = expected(access, who, target);
        String path = route.path(variableValues(route, target, verdict == Verdict.ALLOWED));
        HttpResponse<String> response = send(route, who, path);
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        (switch (target) {
                    case A -> knownOrganization;
                    case B -> employerOrganization;
                    case UNKNOWN -> unknownOrganization;
                })
                .get(route.name())
                .put(who, status + (location.isEmpty() ? "" : " " + shortPath(location)));
        boolean organizationExists = target != Target.UNKNOWN;

        String cell = route.name() + " as " + who + " (expected " + verdict + ", got " + status + " " + location + ")";
        assertThat(status).as("server error in " + cell).isLessThan(500);
        if (BEARER_ONLY_ROUTES.contains(route.pattern())) {
            // Nobody in the cast holds a token a learner's consent gave: no session counts there, and a machine
            // client's token lacks the scope. Refused in the specification's Imsx_StatusInfo, not problem+json.
            assertImsx(response, who.machine() ? 403 : 401, cell);
            return;
        }
        switch (verdict) {
            case ALLOWED -> {
                if (OWN_TOKEN_ROUTES.contains(route.pattern()) && status == 401) {
                    // Reached, and refused by the route's own exchange token check (an OAuth error), not by access.
                    assertThat(JsonFields.strings(response.body(), "error"))
                            .as(cell)
                            .contains("invalid_token");
                } else {
                    assertThat(status)
                            .as("an allowed actor is refused: " + cell)
                            .isNotIn(401, 403);
                }
            }
            case UNAUTHENTICATED -> {
                if (who.browser && !route.servesHtml() && !htmlAtSamePath(route)) {
                    assertThat(status)
                            .as("content negotiation refuses a text/html-only client before access control: " + cell)
                            .isEqualTo(406);
                } else if (who.browser && !route.isApi()) {
                    assertThat(status).as(cell).isEqualTo(302);
                    assertThat(URI.create(location).getPath())
                            .as("anonymous browsers go to the sign-in page: " + cell)
                            .isEqualTo("/login");
                } else {
                    assertProblem(response, Problem.UNAUTHENTICATED, cell);
                }
            }
            case FORBIDDEN -> assertProblem(response, Problem.FORBIDDEN, cell);
            case NOT_FOUND -> assertProblem(response, Problem.NOT_FOUND, cell);
        }
        if (verdict != Verdict.ALLOWED && organizationExists) {
            assertSharedTargetsUntouched(cell);
        }
    }

    private void actuatorCell(String path, Audience audience, Who who) {
        HttpResponse<String> response = cast.caller(who).send("GET", path, null, (byte[]) null);
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        actuator.get("GET " + path).put(who, status + (location.isEmpty() ? "" : " " + shortPath(location)));
        String cell = "GET " + path + " as " + who + " (got " + status + " " + location + ")";
        assertThat(status).as("server error in " + cell).isLessThan(500);
        if (audience == Audience.PUBLIC) {
            // Health speaks only JSON: a client that accepts nothing but text/html is told 406, which is no refusal.
            assertThat(status).as(cell).isIn(who.browser ? List.of(200, 406) : List.of(200));
        } else if (who.operator) {
            assertThat(status).as(cell).isEqualTo(200);
        } else if (who.anonymous() && who.browser) {
            assertThat(status).as(cell).isEqualTo(302);
            assertThat(URI.create(location).getPath()).as(cell).isEqualTo("/login");
        } else if (who.anonymous()) {
            assertProblem(response, Problem.UNAUTHENTICATED, cell);
        } else {
            assertProblem(response, Problem.FORBIDDEN, cell);
        }
    }

    /** The answer for organization A (or an unknown one): see {@link #expected(Access, Who, Target)}. */
    static Verdict expected(Access access, Who who, boolean organizationExists) {
        return expected(access, who, organizationExists ? Target.A : Target.UNKNOWN);
    }

    /**
     * The answer the route's annotation promises this actor, worked out without the interceptor: for organization
     * routes, from the policy table (the route's power, and the least role that holds it in the target's kind).
     */
    static Verdict expected(Access access, Who who, Target target) {
        boolean organizationExists = target != Target.UNKNOWN;
        if (access.value() == Audience.PUBLIC) {
            return Verdict.ALLOWED;
        }
        if (who.anonymous()) {
            return Verdict.UNAUTHENTICATED;
        }
        return switch (access.value()) {
            case PUBLIC -> Verdict.ALLOWED;
            case SIGNED_IN -> who.person() ? Verdict.ALLOWED : Verdict.FORBIDDEN;
            case LEARNER ->
                who.kind == org.openler.platform.kernel.AccountKind.LEARNER ? Verdict.ALLOWED : Verdict.FORBIDDEN;
            case OPERATOR -> who.operator ? Verdict.ALLOWED : Verdict.FORBIDDEN;
            case ORGANIZATION_STAFF -> {
                if (!organizationExists) {
                    yield Verdict.NOT_FOUND;
                }
                Optional<StaffRole> least = access.power() == Power.UNDECLARED
                        ? Optional.of(access.role())
                        : OrganizationPowers.leastRole(Objects.requireNonNull(target.kind), access.power());
                if (least.isEmpty()) {
                    yield Verdict.FORBIDDEN; // organizations of this kind do not hold the power at all
                }
                if (who.machine()) {
                    boolean own = (who == Who.MACHINE_OF_A && target == Target.A)
                            || (who == Who.MACHINE_OF_B && target == Target.B);
                    yield access.machineClients() && own ? Verdict.ALLOWED : Verdict.FORBIDDEN;
                }
                boolean enough = (target == Target.A ? who.roleInA() : who.roleInB())
                        .filter(role -> ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(least.get()))
                        .isPresent();
                yield enough ? Verdict.ALLOWED : Verdict.FORBIDDEN;
            }
        };
    }

    private HttpResponse<String> send(Route route, Who who, String path) {
        Cast.Caller caller = cast.caller(who);
        if (route.takesJson()) {
            return caller.send(
                    route.method(), path, "application/json", jsonBody(route).getBytes(StandardCharsets.UTF_8));
        }
        if (route.changesThings()) {
            return caller.send(
                    route.method(),
                    path,
                    "application/x-www-form-urlencoded",
                    WebClient.form(formFields(route)).getBytes(StandardCharsets.UTF_8));
        }
        return caller.send(route.method(), path, null, (byte[]) null);
    }

    /**
     * Plausible values for the path: organization A (or one that does not exist), and real targets for the variables
     * that name one. A cell whose actor may act gets a staff member or machine client of A made for it alone, since it
     * may change or delete it; refused cells share one target, which they must leave untouched (and the shared target
     * keeps Argon2 hashing, and so the class, fast).
     */
    private List<String> variableValues(Route route, Target target, boolean allowed) {
        boolean organizationExists = target != Target.UNKNOWN;
        Fixtures.Org org = target == Target.B ? cast.orgB : cast.orgA;
        List<String> values = new ArrayList<>();
        for (String variable : route.variables()) {
            values.add(
                    switch (variable) {
                        case "org" -> organizationExists ? org.slug() : Fixtures.unique("no-such-org");
                        case "account" ->
                            !organizationExists
                                    ? UUID.randomUUID().toString()
                                    : allowed
                                            ? fixtures.member(org, StaffRole.VIEWER)
                                                    .id()
                                                    .value()
                                                    .toString()
                                            : target == Target.B ? sharedMemberOfB : sharedMember;
                        case "clientId" ->
                            !organizationExists
                                    ? RouteTable.randomToken()
                                    : allowed
                                            ? fixtures.client(org).client().clientId()
                                            : target == Target.B ? sharedClientOfB : sharedClient;
                        case "token" ->
                            route.pattern().startsWith("/share/")
                                    ? shareToken
                                    : RouteTable.plausible(route.variableType(variable));
                        default -> RouteTable.plausible(route.variableType(variable));
                    });
        }
        return values;
    }

    /** Plausible form fields: only those the handler reads and that have no useful default. */
    static Map<String, String> formFields(Route route) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : route.formFields()) {
            String value = plausible(field);
            if (value != null) {
                fields.put(field, value);
            }
        }
        return fields;
    }

    /** A plausible JSON body for the handler's {@code @RequestBody} record, built from its components. */
    static String jsonBody(Route route) {
        Class<?> type = route.jsonBodyType().orElseThrow();
        Map<String, String> body = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (var component : type.getRecordComponents()) {
                String value = plausible(component.getName());
                body.put(component.getName(), value == null ? "x" : value);
            }
        }
        return JSON.writeValueAsString(body);
    }

    static @Nullable String plausible(String field) {
        return switch (field) {
            case "email" -> Fixtures.unique("matrix") + "@example.org";
            case "role" -> "issuer";
            case "password" -> "a brand new passphrase";
            case "name", "displayName" -> "Matrix test";
            default -> null;
        };
    }

    private static void assertProblem(HttpResponse<String> response, Problem problem, String cell) {
        assertThat(response.statusCode()).as(cell).isEqualTo(problem.status().value());
        assertThat(response.headers().firstValue("Content-Type"))
                .as("content type of " + cell)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asString())
                .as("problem type of " + cell)
                .isEqualTo(problem.type().toString());
        assertThat(body.path("status").asInt())
                .as(cell)
                .isEqualTo(problem.status().value());
    }

    /** Where a redirect goes, short enough for the table: organizations A and B by letter, no ids or queries. */
    private String shortPath(String location) {
        String path = URI.create(location).getRawPath();
        path = (path == null ? location : path)
                .replace(cast.orgA.slug(), "A")
                .replace(cast.orgB.slug(), "B")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
        return "→" + path;
    }

    private static String table(String title, Map<String, Map<Who, String>> rows) {
        // only the actors this matrix sent requests as
        List<Who> columns = Arrays.stream(Who.values())
                .filter(who -> rows.values().stream().anyMatch(row -> row.containsKey(who)))
                .toList();
        int first = Math.max(
                "route".length(),
                rows.keySet().stream().mapToInt(String::length).max().orElse(5));
        Map<Who, Integer> widths = new EnumMap<>(Who.class);
        for (Who who : columns) {
            int width = who.label.length();
            for (Map<Who, String> row : rows.values()) {
                width = Math.max(width, row.getOrDefault(who, "").length());
            }
            widths.put(who, width);
        }
        StringBuilder out = new StringBuilder("\n")
                .append(title)
                .append(" — ")
                .append(rows.size())
                .append(" routes × ")
                .append(columns.size())
                .append(" actors\n");
        out.append(pad("route", first));
        for (Who who : columns) {
            out.append(" | ").append(pad(who.label, widths.get(who)));
        }
        out.append('\n').append("-".repeat(first));
        for (Who who : columns) {
            out.append("-+-").append("-".repeat(widths.get(who)));
        }
        out.append('\n');
        rows.forEach((route, row) -> {
            out.append(pad(route, first));
            for (Who who : columns) {
                out.append(" | ").append(pad(row.getOrDefault(who, "-"), widths.get(who)));
            }
            out.append('\n');
        });
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
