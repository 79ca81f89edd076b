package org.openler.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.clients.MachineClientService;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.security.Cast.Who;
import org.openler.platform.security.RouteTable.Route;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input to every route of the platform (from the same route table as {@link AuthorizationMatrixIT}), sent by an
 * actor the route allows, so the bad input reaches the handler rather than the access check: empty, oversized and
 * malformed bodies, wrong JSON types, duplicate keys, deep nesting, wrong content types, huge form fields, path
 * variables of the wrong type. The server must never fail (5xx). Programs get RFC 9457 problem details for every
 * 4xx. Routes that read a JSON body answer every bad body with a 4xx; pages and forms may instead answer with their
 * own validation (the form again, or a redirect with an error), but a huge field must never be stored. The OAuth
 * token endpoint is attacked with bad client credentials and grants.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Two megabytes: twice the request limit, yet within Tomcat's max-swallow-size (2 MiB), so Tomcat reads and drops
     * the unread body and the client reliably gets the answer instead of a connection closed mid-upload.
     */
    private static final int TWO_MB = 2_000_000;

    private static final String JSON_TYPE = "application/json";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    /** Who sends bad input to a route: the first of these that the route's access rule allows. */
    private static final List<Who> SENDERS = List.of(Who.ANONYMOUS, Who.LEARNER, Who.ADMIN_OF_A, Who.OPERATOR);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private Cast cast;
    private List<Route> routes;
    private String targetAccount;
    private String targetClient;
    private MachineClientService.Created tokenClient;
    private final Map<String, Map<String, Integer>> answers = new ConcurrentHashMap<>();
    private @Nullable String markerQuery;

    /** How strict the expected answer is. */
    enum Expect {
        /** Exactly this status. */
        EXACT,
        /** Any 4xx. */
        CLIENT_ERROR,
        /** Any 4xx, or (pages and forms only) the page's own answer: a 2xx or 3xx. Never a 5xx. */
        NO_SERVER_ERROR
    }

    /** One bad request: what it is, the path, its content type and body, and what the answer must be. */
    record Bad(
            String name,
            String path,
            @Nullable String contentType,
            HttpRequest.BodyPublisher body,
            Expect expect,
            int status,
            @Nullable String storedMarker,
            boolean byTomcat,
            boolean csrfInBody) {

        static Bad of(String name, String path, @Nullable String contentType, String body, Expect expect) {
            return new Bad(
                    name,
                    path,
                    contentType,
                    HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                    expect,
                    0,
                    null,
                    false,
                    false);
        }

        /** A body sent without a declared length (chunked), so only reading it shows how long it is. */
        static Bad chunked(String name, String path, @Nullable String contentType, String body, Expect expect) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Bad(
                    name,
                    path,
                    contentType,
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
                    expect,
                    0,
                    null,
                    false,
                    false);
        }

        Bad exactly(int expected) {
            return new Bad(name, path, contentType, body, Expect.EXACT, expected, storedMarker, byTomcat, csrfInBody);
        }

        Bad neverStoring(String marker) {
            return new Bad(name, path, contentType, body, expect, status, marker, byTomcat, csrfInBody);
        }

        /**
         * Tomcat refuses this before any application code runs (an encoded NUL, or bytes that are not UTF-8, in the
         * path), with its own error page: the status is checked, the body is not the application's to shape.
         */
        Bad refusedByTomcat() {
            return new Bad(name, path, contentType, body, expect, status, storedMarker, true, csrfInBody);
        }

        /** The CSRF token travels in the form, as browsers send it, instead of in a header. */
        Bad withCsrfInBody() {
            return new Bad(name, path, contentType, body, expect, status, storedMarker, byTomcat, true);
        }
    }

    @BeforeAll
    void assembleTheCast() {
        routes = RouteTable.read(context);
        cast = Cast.assemble(port, fixtures, jdbc);
        targetAccount =
                fixtures.member(cast.orgA, StaffRole.VIEWER).id().value().toString();
        targetClient = fixtures.client(cast.orgA).client().clientId();
        tokenClient = fixtures.client(cast.orgA);
    }

    @TestFactory
    Stream<DynamicNode> everyRouteRefusesBadInputWithoutAServerError() {
        return routes.stream().filter(route -> route.access() != null).map(route -> {
            Who sender = sender(route);
            return DynamicContainer.dynamicContainer(
                    route.name() + " as " + sender,
                    badInputs(route).stream()
                            .map(bad -> dynamicTest(
                                    route.name() + " with " + bad.name() + " as " + sender,
                                    () -> send(route, sender, bad))));
        });
    }

    @TestFactory
    Stream<DynamicTest> theTokenEndpointRefusesBadClientsAndGrants() {
        String good = basic(tokenClient.client().clientId(), tokenClient.secret());
        return Stream.of(
                        token(
                                "a wrong client secret",
                                basic(tokenClient.client().clientId(), "wrong"),
                                FORM_TYPE,
                                "grant_type=client_credentials",
                                401),
                        token(
                                "an unknown client",
                                basic("no-such-client", "secret"),
                                FORM_TYPE,
                                "grant_type=client_credentials",
                                401),
                        token("no client authentication", null, FORM_TYPE, "grant_type=client_credentials", 401),
                        token("an empty body and no client", null, FORM_TYPE, "", 401),
                        token(
                                "a Basic header that is not base64",
                                "Basic %%%not-base64%%%",
                                FORM_TYPE,
                                "grant_type=client_credentials",
                                400,
                                401),
                        token(
                                "the secret in the body and a wrong one in the header",
                                basic(tokenClient.client().clientId(), "wrong"),
                                FORM_TYPE,
                                "grant_type=client_credentials&client_id="
                                        + tokenClient.client().clientId() + "&client_secret=" + tokenClient.secret(),
                                400,
                                401),
                        token(
                                "the password grant",
                                good,
                                FORM_TYPE,
                                "grant_type=password&username=someone%40example.org&password=x",
                                400),
                        token("no grant type", good, FORM_TYPE, "scope=organization%3Aread", 400),
                        token("an unknown grant type", good, FORM_TYPE, "grant_type=urn%3Aexample%3Anonsense", 400),
                        token(
                                "an authorization code never issued",
                                good,
                                FORM_TYPE,
                                "grant_type=authorization_code&code=" + RouteTable.randomToken()
                                        + "&redirect_uri=https%3A%2F%2Fexample.org%2Fcb",
                                400),
                        token(
                                "a refresh token never issued",
                                good,
                                FORM_TYPE,
                                "grant_type=refresh_token&refresh_token=" + RouteTable.randomToken(),
                                400),
                        token(
                                "a scope the client does not have",
                                good,
                                FORM_TYPE,
                                "grant_type=client_credentials&scope=operator%3Aeverything",
                                400),
                        token(
                                "a grant type given twice",
                                good,
                                FORM_TYPE,
                                "grant_type=client_credentials&grant_type=password",
                                400),
                        token("a JSON body", good, JSON_TYPE, "{\"grant_type\":\"client_credentials\"}", 400),
                        token(
                                "a 2 MB body",
                                good,
                                FORM_TYPE,
                                sized("grant_type=client_credentials&scope=", "", TWO_MB),
                                413))
                .map(test -> dynamicTest("POST /oauth2/token with " + test.name(), test::run));
    }

    @AfterAll
    void printTheAnswers() {
        StringBuilder out = new StringBuilder("\nBad input: answers per route (status ← input)\n");
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(route -> {
            out.append(route.getKey()).append('\n');
            route.getValue().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(answer -> out.append("    ")
                            .append(answer.getValue())
                            .append(" ← ")
                            .append(answer.getKey())
                            .append('\n'));
        });
        System.out.println(out);
    }

    private Who sender(Route route) {
        return SENDERS.stream()
                .filter(who -> AuthorizationMatrixIT.expected(route.access(), who, true)
                        == AuthorizationMatrixIT.Verdict.ALLOWED)
                .findFirst()
                .or(() -> employerOnly(route) ? java.util.Optional.of(Who.ADMIN_OF_B) : java.util.Optional.empty())
                .orElseThrow(() -> new AssertionError("No actor in the cast may call " + route.name()));
    }

    /** A route only employers hold the power for (jobs, talent search): sent by B's admin, with B in the path. */
    private static boolean employerOnly(Route route) {
        return AuthorizationMatrixIT.expected(route.access(), Who.ADMIN_OF_B, AuthorizationMatrixIT.Target.B)
                == AuthorizationMatrixIT.Verdict.ALLOWED;
    }

    /** The bad inputs that make sense for a route. */
    private List<Bad> badInputs(Route route) {
        List<Bad> bad = new ArrayList<>();
        String path = route.path(plausibleVariables(route, null, null));
        boolean json = route.takesJson();
        boolean post = route.changesThings();
        String type = json ? JSON_TYPE : post ? FORM_TYPE : "application/octet-stream";
        Expect strict = json ? Expect.CLIENT_ERROR : Expect.NO_SERVER_ERROR;

        String huge = json ? sized("{\"email\":\"", "\"}", TWO_MB) : sized("email=", "", TWO_MB);
        bad.add(Bad.of("a 2 MB body", path, type, huge, Expect.EXACT).exactly(413));
        bad.add(Bad.chunked(
                "a 2 MB body of undeclared length", path, type, huge, post ? strict : Expect.NO_SERVER_ERROR));

        for (String variable : route.variables()) {
            if (route.variableType(variable) == UUID.class) {
                bad.add(Bad.of(
                                article(variable) + " that is not a UUID",
                                route.path(plausibleVariables(route, variable, "not-a-uuid")),
                                post ? type : null,
                                post && json ? JsonBodies.valid(route) : "",
                                Expect.EXACT)
                        .exactly(400));
            }
            bad.add(Bad.of(
                    "a 2,000-character " + variable,
                    route.path(plausibleVariables(route, variable, "x".repeat(2000))),
                    post ? type : null,
                    post && json ? JsonBodies.valid(route) : "",
                    route.isApi() ? Expect.CLIENT_ERROR : Expect.NO_SERVER_ERROR));
            bad.add(Bad.of(
                    article(variable) + " of odd characters",
                    route.path(plausibleVariables(route, variable, "%E2%80%AE%3Cscript%3E%27%22%20..%2e")),
                    post ? type : null,
                    post && json ? JsonBodies.valid(route) : "",
                    route.isApi() ? Expect.CLIENT_ERROR : Expect.NO_SERVER_ERROR));
            bad.add(Bad.of(
                    article(variable) + " with a path parameter",
                    route.path(plausibleVariables(route, variable, "a;jsessionid=x;b=c")),
                    post ? type : null,
                    post && json ? JsonBodies.valid(route) : "",
                    Expect.NO_SERVER_ERROR));
            bad.add(Bad.of(
                            article(variable) + " that is not UTF-8",
                            route.path(plausibleVariables(route, variable, "a%C3%28b")),
                            post ? type : null,
                            post && json ? JsonBodies.valid(route) : "",
                            Expect.EXACT)
                    .exactly(400)
                    .refusedByTomcat());
            bad.add(Bad.of(
                            article(variable) + " with an encoded NUL byte",
                            route.path(plausibleVariables(route, variable, "a%00b")),
                            post ? type : null,
                            post && json ? JsonBodies.valid(route) : "",
                            Expect.EXACT)
                    .exactly(400)
                    .refusedByTomcat());
        }

        if (!post) {
            for (String field : route.formFields()) {
                bad.add(Bad.of(
                        "a 2,000-character query parameter " + field,
                        path + "?" + field + "=" + "x".repeat(2000),
                        null,
                        "",
                        Expect.NO_SERVER_ERROR));
            }
            return bad;
        }

        bad.add(Bad.of("an empty body", path, type, "", strict));
        bad.add(Bad.of("an empty body and no content type", path, null, "", strict));
        bad.add(Bad.of("wrong JSON types", path, JSON_TYPE, "{\"email\": 5, \"role\": []}", strict));
        bad.add(Bad.of("malformed JSON", path, JSON_TYPE, "{\"email\": \"a@b.org\", \"role\": ", strict));
        bad.add(Bad.of(
                "JSON with duplicate keys",
                path,
                JSON_TYPE,
                "{\"email\":\"a@b.org\",\"email\":\"c@d.org\",\"role\":\"viewer\"}",
                strict));
        bad.add(Bad.of("JSON nested 10,000 deep", path, JSON_TYPE, "[".repeat(10_000) + "]".repeat(10_000), strict));
        bad.add(Bad.of(
                "JSON nested 10,000 deep in objects",
                path,
                JSON_TYPE,
                "{\"email\":".repeat(10_000) + "1" + "}".repeat(10_000),
                strict));
        bad.add(Bad.of("JSON null", path, JSON_TYPE, "null", strict));
        bad.add(Bad.of("a JSON array for an object", path, JSON_TYPE, "[\"a@b.org\", \"viewer\"]", strict));
        bad.add(Bad.of(
                "a property the endpoint does not know",
                path,
                JSON_TYPE,
                "{\"email\":\"a@b.org\",\"role\":\"viewer\",\"admin\":true}",
                strict));
        bad.add(new Bad(
                "bytes that are not UTF-8",
                path,
                type + ";charset=UTF-8",
                HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '{'}),
                strict,
                0,
                null,
                false,
                false));
        String valid = json ? JsonBodies.valid(route) : WebClient.form(AuthorizationMatrixIT.formFields(route));
        bad.add(Bad.of("the wrong content type (text/plain)", path, "text/plain", valid, strict));
        bad.add(Bad.of(
                "the wrong content type (application/xml)", path, "application/xml", "<email>a@b.org</email>", strict));
        bad.add(Bad.of("an unparseable content type", path, "application/json;;;=", valid, strict));
        bad.add(Bad.of("a form for a JSON endpoint", path, FORM_TYPE, "email=a%40b.org&role=viewer", strict));
        bad.add(Bad.of("malformed percent-encoding", path, FORM_TYPE, "email=%zz%&role=%E2%82&x=%", strict));
        if (!json) {
            String token = String.valueOf(cast.caller(sender(route)).csrf());
            bad.add(Bad.of(
                            "malformed percent-encoding and the CSRF token in the form",
                            path,
                            FORM_TYPE,
                            "email=%zz%&_csrf=" + token,
                            Expect.CLIENT_ERROR)
                    .withCsrfInBody());
            bad.add(Bad.chunked(
                            "a 2 MB form of undeclared length and the CSRF token in the form",
                            path,
                            FORM_TYPE,
                            sized("_csrf=" + token + "&email=", "", TWO_MB),
                            Expect.CLIENT_ERROR)
                    .withCsrfInBody());
        }
        bad.add(Bad.of(
                "a form field given twice",
                path,
                FORM_TYPE,
                "role=viewer&role=admin&email=a%40b.org&email=c%40d.org",
                strict));

        List<String> fields = json ? JsonBodies.fields(route) : route.formFields();
        for (String field : fields) {
            String marker = "huge-" + UUID.randomUUID() + "-";
            String long10k = marker + "x".repeat(10_000 - marker.length());
            Map<String, String> values = new LinkedHashMap<>(plausibleFields(fields));
            values.put(field, long10k);
            String body = json ? JSON.writeValueAsString(values) : WebClient.form(values);
            bad.add(Bad.of("a 10,000-character " + field, path, type, body, strict)
                    .neverStoring(marker));
        }
        if (fields.size() > 1) {
            String marker = "huge-" + UUID.randomUUID() + "-";
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach(field -> values.put(field, marker + "y".repeat(10_000 - marker.length())));
            String body = json ? JSON.writeValueAsString(values) : WebClient.form(values);
            bad.add(Bad.of("every field 10,000 characters", path, type, body, strict)
                    .neverStoring(marker));
        }
        return bad;
    }

    /** Routes whose refusals are OAuth error objects (RFC 6749 §5.2, OpenID4VCI 1.0 §8.3.1), not problem details. */
    private static final java.util.Set<String> OAUTH_SHAPED = java.util.Set.of("/oid4vci/token", "/oid4vci/credential");

    private void send(Route route, Who who, Bad bad) {
        HttpResponse<String> response = bad.csrfInBody()
                ? cast.caller(who).sendWithoutCsrfHeader(route.method(), bad.path(), bad.contentType(), bad.body())
                : cast.caller(who).send(route.method(), bad.path(), bad.contentType(), bad.body());
        int status = response.statusCode();
        answers.computeIfAbsent(route.name(), r -> new ConcurrentHashMap<>()).put(bad.name(), status);
        String what = route.name() + " with " + bad.name() + " (got " + status + " " + snippet(response) + ")";

        assertThat(status).as("server error: " + what).isLessThan(500);
        switch (bad.expect()) {
            case EXACT -> assertThat(status).as(what).isEqualTo(bad.status());
            case CLIENT_ERROR ->
                assertThat(status).as("a bad request must be refused: " + what).isBetween(400, 499);
            case NO_SERVER_ERROR -> {}
        }
        if (bad.byTomcat()) {
            assertThat(response.body())
                    .as("Tomcat's own page names no version: " + what)
                    .doesNotContain("Tomcat/");
        } else if (status >= 400
                && OAUTH_SHAPED.contains(route.pattern())
                && response.body().startsWith("{\"error\":")) {
            // OpenID4VCI's token and credential endpoints answer in OAuth's error shape, as the specification demands.
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(what)
                    .startsWith("application/json");
        } else if (status >= 400
                && status != 413
                && AuthorizationMatrixIT.BEARER_ONLY_ROUTES.contains(route.pattern())) {
            // the Open Badges / CLR resource routes refuse in the specification's Imsx_StatusInfo (obapi); with no
            // token a learner consented to, every input is refused before it is read (ObApiIT sends bad bodies).
            // Only the platform-wide body limit (413) answers before them, as problem details.
            AuthorizationMatrixIT.assertImsx(response, status, what);
        } else if (status >= 400) {
            assertProblemDetails(response, what);
        }
        if (bad.storedMarker() != null) {
            assertThat(columnsHolding(bad.storedMarker()))
                    .as("a 10,000-character field was stored: " + what)
                    .isEmpty();
        }
    }

    static void assertProblemDetails(HttpResponse<String> response, String what) {
        assertThat(response.headers().firstValue("Content-Type").orElse("none"))
                .as("content type of " + what)
                .startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").isString()).as("problem type of " + what).isTrue();
        assertThat(body.path("title").isString()).as("problem title of " + what).isTrue();
        assertThat(body.path("status").asInt()).as("problem status of " + what).isEqualTo(response.statusCode());
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** A body of exactly {@code total} bytes: the prefix, padding, then the suffix. */
    private static String sized(String prefix, String suffix, int total) {
        return prefix + "a".repeat(total - prefix.length() - suffix.length()) + suffix;
    }

    private static String snippet(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("no content type");
        String body = response.body();
        return type + ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }

    /**
     * Every text column of every table that holds the marker: a huge field that got through. One query over all of
     * them, built once from the schema (flyway's own history excepted).
     */
    private List<String> columnsHolding(String marker) {
        if (markerQuery == null) {
            List<String> selects = new ArrayList<>();
            jdbc.sql("select table_name, column_name from information_schema.columns where table_schema ="
                            + " current_schema() and data_type in ('text', 'character varying')"
                            + " and table_name <> 'flyway_schema_history'")
                    .query()
                    .listOfRows()
                    .forEach(column ->
                            selects.add("select '" + column.get("table_name") + "." + column.get("column_name")
                                    + "' as holder from \"" + column.get("table_name") + "\" where \""
                                    + column.get("column_name")
                                    + "\" like :marker"));
            markerQuery = String.join(" union ", selects);
        }
        return jdbc.sql(markerQuery)
                .param("marker", "%" + marker + "%")
                .query(String.class)
                .list();
    }

    /** Organization A, the shared target member and client, random values elsewhere; one variable replaced. */
    private List<String> plausibleVariables(Route route, @Nullable String replaced, @Nullable String with) {
        List<String> values = new ArrayList<>();
        for (String variable : route.variables()) {
            if (variable.equals(replaced) && with != null) {
                values.add(with);
                continue;
            }
            values.add(
                    switch (variable) {
                        case "org" -> (sender(route) == Who.ADMIN_OF_B ? cast.orgB : cast.orgA).slug();
                        case "account" -> targetAccount;
                        case "clientId" -> targetClient;
                        default -> RouteTable.plausible(route.variableType(variable));
                    });
        }
        return values;
    }

    private static Map<String, String> plausibleFields(List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            String value = AuthorizationMatrixIT.plausible(field);
            values.put(field, value == null ? "plausible" : value);
        }
        return values;
    }

    /** One attack on the token endpoint and the statuses it may get. */
    record TokenAttack(
            String name,
            String base,
            @Nullable String authorization,
            String contentType,
            String body,
            Set<Integer> allowed) {

        void run() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Accept", JSON_TYPE)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response;
            try (HttpClient http = HttpClient.newHttpClient()) {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            String what =
                    "POST /oauth2/token with " + name + " (got " + response.statusCode() + " " + response.body() + ")";
            assertThat(response.statusCode()).as(what).isIn(allowed);
            assertThat(response.body()).as("no token may be issued: " + what).doesNotContain("access_token");
            if (response.statusCode() == 413) {
                assertProblemDetails(response, what);
            } else if (!response.body().isEmpty()) {
                assertThat(JSON.readTree(response.body()).path("error").isString())
                        .as("an OAuth error response (RFC 6749 section 5.2): " + what)
                        .isTrue();
            }
        }
    }

    private TokenAttack token(
            String name, @Nullable String authorization, String contentType, String body, Integer... allowed) {
        return new TokenAttack(name, "http://localhost:" + port, authorization, contentType, body, Set.of(allowed));
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Plausible JSON bodies for routes that read one, from the record the handler binds. */
    static final class JsonBodies {

        private JsonBodies() {}

        static String valid(Route route) {
            return AuthorizationMatrixIT.jsonBody(route);
        }

        static List<String> fields(Route route) {
            Class<?> type = route.jsonBodyType().orElseThrow();
            List<String> names = new ArrayList<>();
            if (type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    names.add(component.getName());
                }
            }
            return names;
        }
    }
}
