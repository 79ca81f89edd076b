package org.openler.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.profile.Experiences;
import org.openler.platform.profile.SelfAssertedSkills;
import org.openler.platform.security.RouteTable.Route;
import org.openler.platform.sharing.ShareId;
import org.openler.platform.sharing.ShareKit;
import org.openler.platform.sharing.Shares;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.CollectionId;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.WalletCollections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A learner's records against the six parties of issue 5, over HTTP: learner A (the owner), learner B, an employer's
 * staff member A shared with, an employer's staff member without a share, the staff of the provider that issued A's
 * credential, and nobody — plus A's share link once it is revoked.
 *
 * <p>The routes are every learner route in Spring MVC's table ({@code @Access(LEARNER)} and the signed-in person's
 * own pages), so a route added tomorrow is in tomorrow's matrix. Each path names A's real records (A's credential,
 * share, collection, skill, experience), and A's records carry marker strings. Every answer to anyone but A is
 * searched for every marker, and A's rows are compared before and after every refused cell: nothing of A's may be
 * read or changed by another party. Through the share link, every party sees exactly the shared credential.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnerRecordsMatrixIT {

    private static final String ACCEPT = "text/html, application/json;q=0.9, */*;q=0.8";

    enum Party {
        OWNER("learner A"),
        OTHER_LEARNER("learner B"),
        EMPLOYER_WITH_SHARE("employer with a share"),
        EMPLOYER_WITHOUT_SHARE("employer without"),
        PROVIDER_STAFF("provider staff"),
        ANONYMOUS("anonymous");

        final String label;

        Party(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository oauthClients;

    @Autowired
    org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService oauthConsents;

    @Autowired
    ShareKit shareKit;

    @Autowired
    org.openler.platform.skills.load.BundledFrameworks bundled;

    @Autowired
    Shares shares;

    @Autowired
    WalletCollections collections;

    @Autowired
    SelfAssertedSkills skills;

    @Autowired
    Experiences experiences;

    private final String mark = Fixtures.unique("mk");
    private final String sharedName = "Shared badge " + mark;
    private final String privateName = "Private badge " + mark;
    private final String skillWords = "Underwater welding " + mark;
    private final String experienceTitle = "Night shift lead " + mark;
    private final String collectionName = "Portfolio " + mark;
    private final String party = "Acme hiring " + mark;

    private List<String> markers;
    private Account owner;
    private UUID sharedCredential;
    private UUID privateCredential;
    private UUID share;
    private String shareLink;
    private String revokedLink;
    private UUID collection;
    private UUID skill;
    private UUID experience;
    /** The client id of an Open Badges application A let into the wallet (obapi's connected applications). */
    private String application;

    private final Map<Party, WebClient> clients = new EnumMap<>(Party.class);
    private final Map<String, Map<Party, String>> table = new LinkedHashMap<>();
    private final AtomicInteger cells = new AtomicInteger();

    @BeforeAll
    void seedLearnerARecordsAndTheParties() {
        bundled.loadAll(); // matching reads O*NET occupations (/me/matches?occupation=…); idempotent
        ShareKit.Holder holder = shareKit.holder(sharedName, privateName);
        owner = holder.account();
        sharedCredential = holder.held().get(0);
        privateCredential = holder.held().get(1);
        collection = collections.create(owner.id(), collectionName);
        collections.add(owner.id(), new CollectionId(collection), new HeldCredentialId(privateCredential));
        skill = skills.add(owner.id(), new SelfAssertedSkills.Input(skillWords, "", "", "Narrative " + mark));
        experience = experiences.add(
                owner.id(), new Experiences.Input("work", experienceTitle, "Dock " + mark, "2024-01-15", "", ""));
        Shares.Created created = shares.create(
                owner.id(), new Shares.NewShare(List.of(sharedCredential), party, "Hiring " + mark, Optional.empty()));
        share = created.share().id();
        shareLink = "/share/" + created.token();
        Shares.Created revoked = shares.create(
                owner.id(), new Shares.NewShare(List.of(sharedCredential), party, "Old " + mark, Optional.empty()));
        shares.revoke(owner.id(), new ShareId(revoked.share().id()));
        revokedLink = "/share/" + revoked.token();
        application = connectedApplication(owner);
        markers = List.of(
                privateName,
                skillWords,
                experienceTitle,
                collectionName,
                party,
                "Narrative " + mark,
                "Dock " + mark,
                owner.email().value());

        Fixtures.Org employer = fixtures.organization(Organization.Kind.EMPLOYER);
        Fixtures.Org otherEmployer = fixtures.organization(Organization.Kind.EMPLOYER);
        clients.put(Party.OWNER, signedIn(owner));
        clients.put(Party.OTHER_LEARNER, signedIn(fixtures.learner()));
        clients.put(Party.EMPLOYER_WITH_SHARE, signedIn(fixtures.member(employer, StaffRole.VIEWER)));
        clients.put(Party.EMPLOYER_WITHOUT_SHARE, signedIn(fixtures.member(otherEmployer, StaffRole.ADMIN)));
        clients.put(Party.PROVIDER_STAFF, signedIn(holder.provider().org().admin()));
        clients.put(Party.ANONYMOUS, WebClient.on(port));
        assertThat(get(Party.EMPLOYER_WITH_SHARE, shareLink).statusCode())
                .as("the employer opened the link they were given")
                .isEqualTo(200);
    }

    /** The learner routes: A's own records by construction (the handler reads the signed-in learner). */
    private List<Route> learnerRoutes() {
        return RouteTable.read(context).stream()
                .filter(route -> route.access() != null)
                .filter(route -> route.access().value() == Audience.LEARNER
                        || route.access().value() == Audience.SIGNED_IN)
                // the OAuth consent step holds no record and answers 400 without an authorization request
                // (ObConsentFlowIT drives it)
                .filter(route -> !route.pattern().equals("/ims/ob/v3p0/consent"))
                .toList();
    }

    @Test
    void theMatrixCoversEveryLearnerFeature() {
        List<String> names = learnerRoutes().stream().map(Route::name).toList();
        assertThat(names)
                .contains(
                        "GET /wallet",
                        "GET /wallet/credentials/{id}",
                        "GET /api/v1/wallet/credentials/{id}",
                        "GET /wallet/shares/{id}",
                        "GET /api/v1/shares/{id}",
                        "POST /api/v1/shares/{id}/revoke",
                        "POST /wallet/collections/{collection}/rename",
                        "GET /api/v1/profile/skills/own",
                        "DELETE /api/v1/profile/experiences/{id}",
                        "GET /wallet/resume/pdf",
                        "GET /privacy/export",
                        "POST /privacy/delete");
        assertThat(names.size()).isGreaterThan(50);
    }

    @TestFactory
    Stream<DynamicTest> everyLearnerRouteAnswersOnlyTheOwnerWithTheOwnersRecords() {
        return learnerRoutes().stream().flatMap(route -> {
            table.put(route.name(), new EnumMap<>(Party.class));
            return Stream.of(Party.values())
                    .map(party -> dynamicTest(route.name() + " as " + party, () -> cell(route, party)));
        });
    }

    @TestFactory
    Stream<DynamicTest> theShareLinkShowsEveryPartyExactlyTheSharedCredential() {
        List<String> paths = List.of(shareLink, shareLink + "/presentation");
        return paths.stream().flatMap(path -> {
            String row = "GET " + path.replace(shareLink, "/share/{A's link}");
            table.put(row, new EnumMap<>(Party.class));
            return Stream.of(Party.values())
                    .map(party -> dynamicTest(row + " as " + party, () -> {
                        HttpResponse<String> response = get(party, path);
                        record(row, party, response);
                        assertThat(response.statusCode())
                                .as(row + " as " + party)
                                .isEqualTo(200);
                        assertThat(response.body())
                                .as("the shared credential is there")
                                .contains(sharedName);
                        // The link shows whom A shared it with: the party named is part of the consent it shows.
                        assertNoMarker(response, row + " as " + party, List.of(this.party));
                    }));
        });
    }

    @TestFactory
    Stream<DynamicTest> aRevokedShareLinkIsGoneForEveryParty() {
        List<String> paths = List.of(revokedLink, revokedLink + "/presentation");
        return paths.stream().flatMap(path -> {
            String row = "GET " + path.replace(revokedLink, "/share/{revoked link}");
            table.put(row, new EnumMap<>(Party.class));
            return Stream.of(Party.values())
                    .map(party -> dynamicTest(row + " as " + party, () -> {
                        HttpResponse<String> response = get(party, path);
                        record(row, party, response);
                        assertThat(response.statusCode())
                                .as(row + " as " + party)
                                .isEqualTo(410);
                        assertThat(response.body()).doesNotContain(sharedName);
                        assertNoMarker(response, row + " as " + party);
                    }));
        });
    }

    @AfterAll
    void printTheMatrix() {
        StringBuilder out = new StringBuilder("\nLearner records matrix — ")
                .append(table.size())
                .append(" routes × ")
                .append(Party.values().length)
                .append(" parties, ")
                .append(cells.get())
                .append(" requests (\"-\": not sent, it would change the owner's own records)\n");
        int first = table.keySet().stream().mapToInt(String::length).max().orElse(10);
        out.append(" ".repeat(first));
        for (Party party : Party.values()) {
            out.append(" | ").append(party.label);
        }
        out.append('\n');
        table.forEach((route, row) -> {
            out.append(route).append(" ".repeat(first - route.length()));
            for (Party party : Party.values()) {
                String cell = row.getOrDefault(party, "-");
                out.append(" | ").append(cell).append(" ".repeat(Math.max(0, party.label.length() - cell.length())));
            }
            out.append('\n');
        });
        System.out.println(out);
    }

    private void cell(Route route, Party party) {
        boolean namesARecord = !route.variables().isEmpty();
        String path = route.path(route.variables().stream()
                .map(variable -> value(route, variable))
                .toList());
        String name = route.name() + " as " + party;
        if (party == Party.OWNER) {
            if (route.changesThings() || route.pattern().contains("{token}")) {
                return; // the owner changing their own records is each feature's own test
            }
            HttpResponse<String> response = send(party, route, path);
            record(route.name(), party, response);
            assertThat(response.statusCode())
                    .as(name + ": the owner reaches their records")
                    .isBetween(200, 399);
            return;
        }
        if (party != Party.ANONYMOUS && route.changesThings() && !namesARecord) {
            return; // acting on one's own account (import, delete, create) cannot name A's records at all
        }
        String before = fingerprint();
        HttpResponse<String> response = send(party, route, path);
        record(route.name(), party, response);
        int status = response.statusCode();
        assertThat(status).as("server error: " + name).isLessThan(500);
        switch (party) {
            case ANONYMOUS -> {
                if (status == 302) {
                    assertThat(URI.create(location(response)).getPath())
                            .as(name)
                            .isEqualTo("/login");
                } else {
                    assertThat(status).as(name).isEqualTo(401);
                }
            }
            case EMPLOYER_WITH_SHARE, EMPLOYER_WITHOUT_SHARE, PROVIDER_STAFF -> {
                if (route.access().value() == Audience.LEARNER) {
                    assertThat(status).as(name + ": staff are not learners").isEqualTo(403);
                } else if (route.pattern().contains("{token}")) {
                    assertThat(status)
                            .as(name + ": a guessed link reaches nothing")
                            .isEqualTo(404);
                } else {
                    assertThat(status).as(name + ": their own page").isBetween(200, 399);
                }
            }
            case OTHER_LEARNER -> {
                if (route.pattern().contains("{token}")) {
                    assertThat(status)
                            .as(name + ": a guessed link reaches nothing")
                            .isEqualTo(404);
                } else if (namesARecord && !route.changesThings()) {
                    assertThat(status)
                            .as(name + ": A's record does not exist for B")
                            .isIn(404, 403);
                } else if (namesARecord) {
                    // Refused as not found, as not valid before any lookup, or (a form) sent back with the reason:
                    // never a success. That nothing of A's changed is checked below in every case.
                    assertThat(status).as(name + ": B cannot change A's record").isIn(302, 400, 403, 404);
                } else {
                    assertThat(status).as(name + ": B's own records").isBetween(200, 399);
                }
            }
            case OWNER -> throw new IllegalStateException();
        }
        assertNoMarker(response, name);
        assertThat(fingerprint()).as(name + " left A's records as they were").isEqualTo(before);
    }

    /**
     * An Open Badges application registered through the API, with A's consent to read credentials recorded as the
     * authorization server records it (ObApiIT drives the real consent; here only the record matters).
     */
    private String connectedApplication(Account learner) {
        HttpResponse<String> registered = WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ims/ob/v3p0/register"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"client_name\":\"Matrix app " + mark
                                + "\",\"redirect_uris\":[\"https://app.example/cb\"],\"scope\":"
                                + "\"https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly\"}"))
                        .build());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String clientId = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(registered.body())
                .get("client_id")
                .asString();
        var client = java.util.Objects.requireNonNull(oauthClients.findByClientId(clientId));
        oauthConsents.save(org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent.withId(
                        client.getId(), learner.email().value())
                .scope("https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly")
                .build());
        return clientId;
    }

    /** A's real record for each path variable; a new kind of record must be named here before the matrix passes. */
    private String value(Route route, String variable) {
        String pattern = route.pattern();
        if (variable.equals("collection")) {
            return collection.toString();
        }
        if (variable.equals("application")) {
            return application; // an application A connected (obapi): B revoking it finds nothing
        }
        if (variable.equals("token")) {
            return RouteTable.randomToken(); // claim links: a guessed token reaches nothing
        }
        if (variable.equals("id")) {
            if (pattern.contains("/credentials/")) {
                return privateCredential.toString();
            }
            if (pattern.contains("/shares/")) {
                return share.toString();
            }
            if (pattern.contains("/skills/")) {
                return skill.toString();
            }
            if (pattern.contains("/experiences/")) {
                return experience.toString();
            }
            if (pattern.contains("/passkeys/")) {
                // A has no passkey here (one needs a browser's WebAuthn ceremony, which SecondFactorBrowserIT drives);
                // a guessed credential id removes nothing, for A and everyone else alike
                return RouteTable.randomToken();
            }
            if (pattern.contains("/employers/")) {
                // A has no employer link here (TalentSearchIT builds them); a guessed id reaches nothing, for A and B
                return java.util.UUID.randomUUID().toString();
            }
            if (pattern.contains("/invitations/")) {
                // A has no invitation here (one needs an employer's search over five opted-in learners, which
                // TalentSearchIT builds); a guessed id reaches nothing, for A and B alike
                return java.util.UUID.randomUUID().toString();
            }
        }
        throw new AssertionError("The learner matrix does not know what {" + variable + "} names in " + route.name()
                + ": give it one of learner A's records");
    }

    private HttpResponse<String> send(Party party, Route route, String path) {
        cells.incrementAndGet();
        WebClient web = clients.get(party);
        if (!route.changesThings()) {
            // The one query parameter a learner search needs (the words of a skill search).
            String query = route.pattern().equals("/me/matches")
                    ? "?occupation=29-1141.00" // a match is asked against a job or an occupation
                    : route.formFields().stream()
                            .filter(field -> field.equals("words"))
                            .map(field -> field + "=welding")
                            .reduce((a, b) -> a + "&" + b)
                            .map(fields -> "?" + fields)
                            .orElse("");
            return web.send(HttpRequest.newBuilder(URI.create(web.base() + path + query))
                    .header("Accept", ACCEPT)
                    .GET()
                    .build());
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(web.base() + path)).header("Accept", ACCEPT);
        String body;
        String type;
        if (route.takesJson()) {
            body = AuthorizationMatrixIT.jsonBody(route);
            type = "application/json";
        } else {
            body = WebClient.form(AuthorizationMatrixIT.formFields(route));
            type = "application/x-www-form-urlencoded";
        }
        request.header("Content-Type", type).method(route.method(), HttpRequest.BodyPublishers.ofString(body));
        // Every party sends a valid CSRF token of its own session, so a refusal is about who they are.
        request.header("X-CSRF-TOKEN", web.csrfToken("/login"));
        return web.send(request.build());
    }

    private HttpResponse<String> get(Party party, String path) {
        cells.incrementAndGet();
        WebClient web = clients.get(party);
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Accept", ACCEPT)
                .GET()
                .build());
    }

    private void assertNoMarker(HttpResponse<String> response, String cell) {
        assertNoMarker(response, cell, List.of());
    }

    private void assertNoMarker(HttpResponse<String> response, String cell, List<String> shownByDesign) {
        String seen = response.body() + "\n" + location(response);
        for (String marker : markers) {
            if (shownByDesign.contains(marker)) {
                continue;
            }
            assertThat(seen).as(cell + " must not show \"" + marker + "\"").doesNotContain(marker);
        }
    }

    /**
     * Every row of every table that names learner A (wallet, collections, shares, profile, privacy, corrections…),
     * found through the schema, so a new table of A's is compared too. The share access log is left out: opening a
     * link is recorded there by design.
     */
    private String fingerprint() {
        List<String> tables = jdbc.sql("select table_name from information_schema.columns where column_name ="
                        + " 'account_id' and table_schema = current_schema() and table_name not in"
                        + " ('credential_share_access', 'audit_event') order by table_name")
                .query(String.class)
                .list();
        StringBuilder rows = new StringBuilder();
        for (String table : tables) {
            rows.append(table).append(':');
            jdbc
                    .sql("select * from " + table + " where account_id = ?")
                    .param(owner.id().value())
                    .query()
                    .listOfRows()
                    .stream()
                    .map(LearnerRecordsMatrixIT::render)
                    .sorted()
                    .forEach(rows::append);
        }
        jdbc.sql("select * from account where id = ?")
                .param(owner.id().value())
                .query()
                .listOfRows()
                .forEach(row -> rows.append(render(row)));
        return rows.toString();
    }

    /** A row as text, bytes as hex (a byte array's own toString is its identity, not its content). */
    private static String render(Map<String, Object> row) {
        StringBuilder text = new StringBuilder("{");
        row.forEach((column, value) -> text.append(column)
                .append('=')
                .append(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value)
                .append(", "));
        return text.append('}').toString();
    }

    private void record(String row, Party party, HttpResponse<String> response) {
        String where = location(response);
        table.get(row).put(party, response.statusCode() + (where.isEmpty() ? "" : " →" + shortPath(where)));
    }

    private static String shortPath(String location) {
        String path = URI.create(location).getPath();
        return path == null ? location : path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private WebClient signedIn(Account account) {
        WebClient web = WebClient.on(port);
        web.signIn(account.email().value(), Fixtures.PASSWORD);
        return web;
    }
}
