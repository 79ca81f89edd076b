package org.openler.platform.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.WebClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people and programs the security tests send requests as: two organizations (A and B), a learner, staff of A in
 * each role, an admin of B, a platform operator, A's machine client, and nobody (once as a program, once as a
 * browser). Each person signs in once through the real form (Argon2 is slow on purpose) and keeps the session.
 */
final class Cast {

    /** One actor in the matrix, with the facts the expected verdict is computed from. */
    enum Who {
        ANONYMOUS("anonymous", null, null, null, false, false),
        ANONYMOUS_BROWSER("anonymous browser", null, null, null, false, true),
        LEARNER("learner", AccountKind.LEARNER, null, null, false, false),
        VIEWER_OF_A("viewer of A", AccountKind.STAFF, StaffRole.VIEWER, null, false, false),
        ISSUER_OF_A("issuer of A", AccountKind.STAFF, StaffRole.ISSUER, null, false, false),
        ADMIN_OF_A("admin of A", AccountKind.STAFF, StaffRole.ADMIN, null, false, false),
        ADMIN_OF_B("admin of B", AccountKind.STAFF, null, StaffRole.ADMIN, false, false),
        OPERATOR("operator", AccountKind.STAFF, null, null, true, false),
        MACHINE_OF_A("machine client of A", null, null, null, false, false),
        // Staff of B, the employer: only in the employer matrix, where B is named in the path.
        VIEWER_OF_B("viewer of B", AccountKind.STAFF, null, StaffRole.VIEWER, false, false),
        ISSUER_OF_B("issuer of B", AccountKind.STAFF, null, StaffRole.ISSUER, false, false),
        MACHINE_OF_B("machine client of B", null, null, null, false, false);

        final String label;
        final @Nullable AccountKind kind;
        final @Nullable StaffRole roleInA;
        final @Nullable StaffRole roleInB;
        final boolean operator;
        final boolean browser;

        Who(
                String label,
                @Nullable AccountKind kind,
                @Nullable StaffRole roleInA,
                @Nullable StaffRole roleInB,
                boolean operator,
                boolean browser) {
            this.label = label;
            this.kind = kind;
            this.roleInA = roleInA;
            this.roleInB = roleInB;
            this.operator = operator;
            this.browser = browser;
        }

        /** The actors of the provider matrix (organization A in the path), as before the employer matrix existed. */
        static List<Who> ofProviderMatrix() {
            return Arrays.stream(values())
                    .filter(who -> who != VIEWER_OF_B && who != ISSUER_OF_B && who != MACHINE_OF_B)
                    .toList();
        }

        /** The actors of the employer matrix (organization B in the path): B's staff and client, and A's admin. */
        static List<Who> ofEmployerMatrix() {
            return List.of(VIEWER_OF_B, ISSUER_OF_B, ADMIN_OF_B, MACHINE_OF_B, ADMIN_OF_A, LEARNER);
        }

        Optional<StaffRole> roleInB() {
            return Optional.ofNullable(roleInB);
        }

        boolean anonymous() {
            return this == ANONYMOUS || this == ANONYMOUS_BROWSER;
        }

        boolean person() {
            return kind != null;
        }

        boolean machine() {
            return this == MACHINE_OF_A || this == MACHINE_OF_B;
        }

        Optional<StaffRole> roleInA() {
            return Optional.ofNullable(roleInA);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    final Fixtures.Org orgA;
    final Fixtures.Org orgB;
    private final Map<Who, Caller> callers = new EnumMap<>(Who.class);

    private final String base;
    private final Fixtures fixtures;
    private final JdbcClient jdbc;

    private Cast(Fixtures.Org orgA, Fixtures.Org orgB, String base, Fixtures fixtures, JdbcClient jdbc) {
        this.orgA = orgA;
        this.orgB = orgB;
        this.base = base;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    static Cast assemble(int port, Fixtures fixtures, JdbcClient jdbc) {
        return new Cast(
                fixtures.organization(Organization.Kind.PROVIDER),
                fixtures.organization(Organization.Kind.EMPLOYER),
                "http://localhost:" + port,
                fixtures,
                jdbc);
    }

    /** Signs the actor in (or gets its token) the first time it is needed; a test that uses few actors pays for few. */
    synchronized Caller caller(Who who) {
        return callers.computeIfAbsent(who, this::enter);
    }

    private Caller enter(Who who) {
        return switch (who) {
            case ANONYMOUS -> Caller.anonymous(base, "application/json");
            case ANONYMOUS_BROWSER -> Caller.anonymous(base, "text/html");
            case LEARNER -> Caller.person(base, fixtures.learner());
            case VIEWER_OF_A -> Caller.person(base, fixtures.member(orgA, StaffRole.VIEWER));
            case ISSUER_OF_A -> Caller.person(base, fixtures.member(orgA, StaffRole.ISSUER));
            case ADMIN_OF_A -> Caller.person(base, orgA.admin());
            case ADMIN_OF_B -> Caller.person(base, orgB.admin());
            case OPERATOR -> {
                Account operator = fixtures.staff();
                jdbc.sql("update account set platform_operator = true where id = ?")
                        .param(operator.id().value())
                        .update();
                yield Caller.person(base, operator);
            }
            case MACHINE_OF_A -> {
                var client = fixtures.client(orgA);
                yield Caller.bearer(
                        base, WebClient.clientToken(base, client.client().clientId(), client.secret()));
            }
            case VIEWER_OF_B -> Caller.person(base, fixtures.member(orgB, StaffRole.VIEWER));
            case ISSUER_OF_B -> Caller.person(base, fixtures.member(orgB, StaffRole.ISSUER));
            case MACHINE_OF_B -> {
                var client = fixtures.client(orgB);
                yield Caller.bearer(
                        base, WebClient.clientToken(base, client.client().clientId(), client.secret()));
            }
        };
    }

    /**
     * Sends requests as one actor: a cookie session with its CSRF token (sent on every unsafe request, so a refusal
     * is about the actor, never about a missing token), or a bearer token and no cookies at all.
     */
    static final class Caller {

        private final WebClient web;
        private final String accept;
        private final @Nullable String csrf;
        private final @Nullable String bearer;

        private Caller(WebClient web, String accept, @Nullable String csrf, @Nullable String bearer) {
            this.web = web;
            this.accept = accept;
            this.csrf = csrf;
            this.bearer = bearer;
        }

        static Caller anonymous(String base, String accept) {
            WebClient web = new WebClient(base);
            return new Caller(web, accept, web.csrfToken("/login"), null);
        }

        static Caller person(String base, Account account) {
            WebClient web = new WebClient(base);
            web.signIn(account.email().value(), Fixtures.PASSWORD);
            return new Caller(web, "application/json", web.csrfToken("/login"), null);
        }

        static Caller bearer(String base, String token) {
            return new Caller(new WebClient(base), "application/json", null, token);
        }

        String base() {
            return web.base();
        }

        String accept() {
            return accept;
        }

        HttpResponse<String> send(String method, String path, @Nullable String contentType, @Nullable byte[] body) {
            return send(
                    method,
                    path,
                    contentType,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        }

        @Nullable
        String csrf() {
            return csrf;
        }

        /** As a browser posts a form: the CSRF token is in the form (the caller put it there), not in a header. */
        HttpResponse<String> sendWithoutCsrfHeader(
                String method, String path, @Nullable String contentType, HttpRequest.BodyPublisher body) {
            return send(method, path, contentType, body, false);
        }

        HttpResponse<String> send(
                String method, String path, @Nullable String contentType, HttpRequest.BodyPublisher body) {
            return send(method, path, contentType, body, true);
        }

        /**
         * What a forged cross-site request carries: this actor's cookies, no CSRF token, and optionally a made-up
         * bearer token (requests with a bearer token skip the CSRF check, so a forger might try adding one).
         */
        HttpResponse<String> forge(String method, String path, String contentType, byte[] body, boolean bearerToo) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.base() + path))
                    .header("Accept", accept)
                    .header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            if (bearerToo) {
                request.header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJmb3JnZWQifQ.");
            }
            return web.send(request.build());
        }

        private HttpResponse<String> send(
                String method,
                String path,
                @Nullable String contentType,
                HttpRequest.BodyPublisher body,
                boolean csrfHeader) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.base() + path))
                    .header("Accept", accept)
                    .method(method, body);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (csrfHeader && csrf != null && !method.equals("GET")) {
                request.header("X-CSRF-TOKEN", csrf);
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return web.send(request.build());
        }
    }
}
