package org.openler.platform.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A learner shares selected credentials; whoever has the link gets exactly those, in a presentation the learner's key
 * signed for that one access, and the employer's page tells each check in plain words. Every access is logged for the
 * learner; an ended share answers 410.
 */
@PlatformTest
class ShareIT {

    @LocalServerPort
    int port;

    @Autowired
    ShareKit kit;

    @Autowired
    Wallet wallet;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLinkGivesExactlyTheSelectedCredentialsAsHeldAndNothingElse() {
        ShareKit.Holder holder = kit.holder("Night Shift Safety", "Crane Operation", "Private Hobby Badge");
        UUID issued = holder.held().get(0);
        UUID crane = holder.held().get(1);
        UUID hobby = holder.held().get(2);
        WebClient learner = ShareKit.signedIn(port, holder.account());
        wallet.setHidden(holder.account().id(), new HeldCredentialId(hobby), true);
        ShareKit.Made share = ShareKit.share(learner, List.of(issued, crane), "Acme Corp HR");

        HttpResponse<String> json = WebClient.on(port).get(share.path(), "application/json");

        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode vp = ShareKit.JSON.readTree(json.body());
        assertThat(fieldNames(vp))
                .as("the presentation has nothing beside the credentials and the holder's proof")
                .containsExactlyInAnyOrder("@context", "id", "type", "holder", "verifiableCredential", "proof");
        assertThat(vp.path("verifiableCredential")).hasSize(2);
        assertThat(vp.path("verifiableCredential").get(0))
                .as("each credential exactly as held")
                .isEqualTo(
                        ShareKit.JSON.readTree(wallet.document(holder.account().id(), new HeldCredentialId(issued))));
        assertThat(vp.path("verifiableCredential").get(1))
                .isEqualTo(
                        ShareKit.JSON.readTree(wallet.document(holder.account().id(), new HeldCredentialId(crane))));
        String name = holder.account().displayName();
        String email = holder.account().email().value();
        for (String body :
                List.of(json.body(), WebClient.on(port).page(share.path()).body())) {
            assertThat(body)
                    .contains("Night Shift Safety", "Crane Operation")
                    .doesNotContain(
                            "Private Hobby Badge",
                            name,
                            email,
                            holder.account().id().toString());
        }
    }

    @Test
    void twentyOpensGiveTwentyChallengesAndTwentyLoggedAccessesAndAProgramWithoutAPreferenceGetsJson() {
        ShareKit.Holder holder = kit.holder("Warehouse Safety", "Crane Operation");
        WebClient learner = ShareKit.signedIn(port, holder.account());
        ShareKit.Made share = ShareKit.share(learner, holder.held(), "Acme Corp HR");
        WebClient employer = WebClient.on(port);
        java.util.Set<String> challenges = new java.util.HashSet<>();
        List<Long> millis = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = employer.page(share.path());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(page.statusCode()).isEqualTo(200);
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("id=\"challenge\">([^<]+)<").matcher(page.body());
            assertThat(m.find()).isTrue();
            challenges.add(m.group(1));
        }
        HttpResponse<String> anyType = employer.get(share.path(), "*/*");

        assertThat(challenges).hasSize(20);
        assertThat(ShareKit.JSON
                        .readTree(learner.get("/api/v1/shares/" + share.id(), "application/json")
                                .body())
                        .path("accessLog"))
                .as("twenty page opens and the program's one")
                .hasSize(21);
        assertThat(anyType.statusCode()).isEqualTo(200);
        assertThat(anyType.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(
                "Share page with two credentials (sign the presentation, verify it and both credentials):"
                        + " median %d ms, slowest %d ms over 20 opens%n",
                sorted.get(10), sorted.get(19));
    }

    @Test
    void eachAccessGetsAPresentationSignedByTheHolderForItsOwnChallengeAndAnotherChallengeIsRefused() {
        ShareKit.Holder holder = kit.holder("Forklift Basics");
        WebClient learner = ShareKit.signedIn(port, holder.account());
        ShareKit.Made share = ShareKit.share(learner, holder.held(), "Acme Corp HR");
        WebClient employer = WebClient.on(port);

        JsonNode first = ShareKit.JSON.readTree(
                employer.get(share.path(), "application/json").body());
        HttpResponse<String> download = employer.get(share.path() + "/presentation", "*/*");
        JsonNode second = ShareKit.JSON.readTree(download.body());

        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/vp+ld+json");
        JsonNode proof = first.path("proof");
        assertThat(proof.path("proofPurpose").asString()).isEqualTo("authentication");
        assertThat(proof.path("cryptosuite").asString()).isEqualTo("eddsa-rdfc-2022");
        assertThat(proof.path("domain").asString()).isEqualTo("http://localhost:" + port);
        assertThat(first.path("holder").asString()).startsWith("did:key:z6Mk");
        assertThat(proof.path("verificationMethod").asString())
                .startsWith(first.path("holder").asString() + "#");
        assertThat(proof.path("challenge").asString())
                .as("a fresh challenge per access")
                .isNotBlank()
                .isNotEqualTo(second.path("proof").path("challenge").asString());

        HttpResponse<String> verified =
                verify(second, second.path("proof").path("challenge").asString(), "http://localhost:" + port);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(ShareKit.JSON.readTree(verified.body()).path("verified").asBoolean())
                .isTrue();

        HttpResponse<String> replayed = verify(second, proof.path("challenge").asString(), "http://localhost:" + port);
        assertThat(replayed.statusCode())
                .as("a replay answering another challenge")
                .isEqualTo(422);
        HttpResponse<String> elsewhere =
                verify(second, second.path("proof").path("challenge").asString(), "https://evil.example");
        assertThat(elsewhere.statusCode())
                .as("the presentation was made for this domain only")
                .isEqualTo(422);
    }

    @Test
    void theEmployerSeesEachCheckInPlainWordsWithWarningsForAnUnknownIssuerAndAnExpiredCredential() throws Exception {
        ShareKit.Holder holder = kit.holder("Welding Level 2", "Crane Operation");
        var expiring = kit.issuance.issue(
                kit.fixtures.issuer(holder.provider().org()),
                new org.openler.platform.issuing.Issuance.Request(
                        holder.provider().achievement().id(),
                        new org.openler.platform.issuing.Issuance.To.Email(
                                holder.account().email().value()),
                        java.util.Optional.of(java.time.Instant.now().plusSeconds(2)),
                        java.util.Optional.empty()),
                Fixtures.person(holder.provider().org().admin()));
        UUID expired = kit.claims.placeForDemo(holder.account().id(), expiring.id());
        WebClient learner = ShareKit.signedIn(port, holder.account());
        List<UUID> all = new ArrayList<>(holder.held());
        all.add(expired);
        ShareKit.Made share = ShareKit.share(learner, all, "Acme Corp HR");
        Thread.sleep(2_500);

        String page = WebClient.on(port).page(share.path() + "?lang=en").body();

        String orgName = holder.provider().org().organization().name();
        assertThat(page)
                .contains("Issued by " + orgName + ", an organization registered on this platform.")
                .contains("The signature is valid: the issuer signed it and it has not been changed since.")
                .contains("Neither revoked nor suspended")
                .contains("Unknown issuer: Elsewhere College is not an organization on this platform.")
                .contains("Expired on ")
                .contains("Verified, with a warning")
                .contains("The holder signed this presentation just now");
        assertThat(page).doesNotContain("Does not verify");

        kit.statuses.change(
                holder.provider().org().organization().id(),
                holder.issued().id(),
                CredentialStatus.REVOKED,
                Fixtures.person(holder.provider().org().admin()));
        String after = WebClient.on(port).page(share.path() + "?lang=en").body();
        assertThat(after).contains("Revoked by the issuer.").contains("Does not verify");
        String spanish = WebClient.on(port).page(share.path() + "?lang=es").body();
        assertThat(spanish).contains("Revocada por el emisor.").contains("Emisor desconocido");
    }

    @Test
    void everyOpenAndDownloadIsLoggedWithItsPartyAndPublishedAsShareOpened() {
        ShareKit.Holder holder = kit.holder("Harbour Pilotage");
        WebClient learner = ShareKit.signedIn(port, holder.account());
        ShareKit.Made share = ShareKit.share(learner, holder.held(), "Demo Employer HR");
        Fixtures.Org employer = kit.fixtures.organization(Organization.Kind.EMPLOYER);
        Account recruiter = kit.fixtures.member(employer, StaffRole.VIEWER);
        WebClient staff = ShareKit.signedIn(port, recruiter);
        int eventsBefore = (int)
                kit.events.stream().filter(e -> e.shareId().equals(share.id())).count();

        WebClient.on(port).page(share.path());
        staff.page(share.path());
        staff.get(share.path() + "/presentation", "*/*");

        JsonNode detail = ShareKit.JSON.readTree(
                learner.get("/api/v1/shares/" + share.id(), "application/json").body());
        JsonNode log = detail.path("accessLog");
        assertThat(log).hasSize(3);
        assertThat(log.get(0).path("kind").asString()).isEqualTo("downloaded");
        assertThat(log.get(0).path("organization").asString())
                .isEqualTo(employer.organization().name());
        assertThat(log.get(1).path("party").asString()).isEqualTo("organization");
        assertThat(log.get(2).path("party").asString()).isEqualTo("anonymous");
        assertThat(log.get(2).path("at").asString()).isNotBlank();
        assertThat(kit.events.stream()
                                .filter(e -> e.shareId().equals(share.id()))
                                .count()
                        - eventsBefore)
                .isEqualTo(3);

        String page = learner.page("/wallet/shares/" + share.id() + "?lang=en").body();
        assertThat(page)
                .contains(employer.organization().name(), "Downloaded the presentation", "Someone with the link");
        String list = learner.page("/wallet/shares?lang=en").body();
        assertThat(list).contains("Demo Employer HR", "Active", "3, the last at ");
        Integer stored = jdbc.sql("select count(*) from credential_share_access where share_id = ?")
                .param(share.id())
                .query(Integer.class)
                .single();
        assertThat(stored).isEqualTo(3);
    }

    @Test
    void aRevokedShareAnswers410ToPeopleAndProgramsAndAnExpiredOneToo() {
        ShareKit.Holder holder = kit.holder("Pipe Fitting");
        WebClient learner = ShareKit.signedIn(port, holder.account());
        ShareKit.Made revoked = ShareKit.share(learner, holder.held(), "Acme Corp HR");
        ShareKit.Made expired = ShareKit.share(learner, holder.held(), "Beta Ltd");
        assertThat(WebClient.on(port).page(revoked.path()).statusCode()).isEqualTo(200);

        HttpResponse<String> revoke = ShareKit.postJson(learner, "/api/v1/shares/" + revoked.id() + "/revoke", "");
        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(ShareKit.JSON.readTree(revoke.body()).path("status").asString())
                .isEqualTo("revoked");
        jdbc.sql("update credential_share set expires_at = ? where id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), expired.id())
                .update();

        for (ShareKit.Made share : List.of(revoked, expired)) {
            HttpResponse<String> page = WebClient.on(port).page(share.path() + "?lang=en");
            assertThat(page.statusCode()).isEqualTo(410);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("That link is no longer valid").doesNotContain("Pipe Fitting");
            HttpResponse<String> json = WebClient.on(port).get(share.path(), "application/json");
            assertThat(json.statusCode()).isEqualTo(410);
            assertThat(ShareKit.JSON.readTree(json.body()).path("type").asString())
                    .isEqualTo("https://openler.org/problems/gone");
            assertThat(WebClient.on(port)
                            .get(share.path() + "/presentation", "*/*")
                            .statusCode())
                    .isEqualTo(410);
        }
        String list = learner.page("/wallet/shares?lang=en").body();
        assertThat(list).contains("Ended", "Expired");
        assertThat(WebClient.on(port).page("/share/" + "x".repeat(43)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anotherLearnersShareIsNotFoundAndTheirCredentialsCannotBeShared() {
        ShareKit.Holder a = kit.holder("Boat Handling");
        ShareKit.Holder b = kit.holder("Rope Access");
        WebClient webA = ShareKit.signedIn(port, a.account());
        WebClient webB = ShareKit.signedIn(port, b.account());
        ShareKit.Made share = ShareKit.share(webA, a.held(), "Acme Corp HR");

        assertThat(webB.get("/api/v1/shares/" + share.id(), "application/json").statusCode())
                .isEqualTo(404);
        assertThat(webB.page("/wallet/shares/" + share.id()).statusCode()).isEqualTo(404);
        assertThat(ShareKit.postJson(webB, "/api/v1/shares/" + share.id() + "/revoke", "")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> stolen = ShareKit.postJson(
                webB,
                "/api/v1/shares",
                "{\"credentials\": [\"" + a.held().get(0) + "\"], \"party\": \"X\", \"purpose\": \"Y\"}");
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(ShareKit.JSON.readTree(
                        webB.get("/api/v1/shares", "application/json").body()))
                .isEmpty();
        assertThat(WebClient.on(port).page(share.path()).statusCode())
                .as("A's share still opens")
                .isEqualTo(200);
    }

    @Test
    void aShareNeedsAPartyAPurposeOwnCredentialsAndAnEndWithinAYear() {
        ShareKit.Holder holder = kit.holder("Scaffolding");
        WebClient web = ShareKit.signedIn(port, holder.account());
        String id = "\"" + holder.held().get(0) + "\"";
        List<String> refused = List.of(
                "{\"credentials\": [" + id + "], \"party\": \" \", \"purpose\": \"Hiring\"}",
                "{\"credentials\": [" + id + "], \"party\": \"Acme\", \"purpose\": \"\"}",
                "{\"credentials\": [], \"party\": \"Acme\", \"purpose\": \"Hiring\"}",
                "{\"credentials\": [\"" + UUID.randomUUID() + "\"], \"party\": \"Acme\", \"purpose\": \"Hiring\"}",
                "{\"credentials\": [\"nope\"], \"party\": \"Acme\", \"purpose\": \"Hiring\"}",
                "{\"credentials\": [" + id
                        + "], \"party\": \"Acme\", \"purpose\": \"Hiring\", \"until\": \"2020-01-01\"}",
                "{\"credentials\": [" + id + "], \"party\": \"Acme\", \"purpose\": \"Hiring\", \"until\": \""
                        + java.time.LocalDate.now().plusYears(2) + "\"}",
                "{\"credentials\": [" + id + "], \"party\": \"Acme\", \"purpose\": \"Hiring\", \"until\": \"soon\"}",
                "{\"credentials\": [" + id + "], \"party\": \"" + "A".repeat(201) + "\", \"purpose\": \"Hiring\"}");
        for (String body : refused) {
            HttpResponse<String> answer = ShareKit.postJson(web, "/api/v1/shares", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        HttpResponse<String> fine = ShareKit.postJson(
                web,
                "/api/v1/shares",
                "{\"credentials\": [" + id + "], \"party\": \"Acme\", \"purpose\": \"Hiring\", \"until\": \""
                        + java.time.LocalDate.now().plusDays(7) + "\"}");
        assertThat(fine.statusCode()).isEqualTo(201);
        JsonNode answer = ShareKit.JSON.readTree(fine.body());
        assertThat(answer.path("share").path("expiresAt").asString())
                .startsWith(java.time.LocalDate.now().plusDays(8).toString());
        assertThat(answer.path("qrCode").asString()).startsWith("data:image/svg+xml;base64,");
        assertThat(jdbc.sql("select count(*) from credential_share s join account a on a.id = s.account_id"
                                + " where a.id = ?")
                        .param(holder.account().id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theLinksTokenIsKeptOnlyAsAHashAndSharePagesNeitherLeakItNorLetItBeCached() {
        ShareKit.Holder holder = kit.holder("Hazmat Handling");
        WebClient web = ShareKit.signedIn(port, holder.account());
        ShareKit.Made share = ShareKit.share(web, holder.held(), "Acme Corp HR");
        String token = share.path().substring("/share/".length());

        assertThat(jdbc.sql("select token_hash from credential_share where id = ?")
                        .param(share.id())
                        .query(String.class)
                        .single())
                .isEqualTo(org.openler.platform.keys.SecretTokens.hash(token))
                .isNotEqualTo(token);
        for (String path : List.of(share.path(), share.path() + "/presentation", "/share/" + "y".repeat(43))) {
            HttpResponse<String> answer = WebClient.on(port).page(path);
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("Cache-Control"))
                    .as(path)
                    .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        }
        for (String path : List.of("/wallet", "/wallet/shares", "/wallet/shares/" + share.id())) {
            HttpResponse<String> answer = web.page(path);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control"))
                    .as(path)
                    .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        }
    }

    private HttpResponse<String> verify(JsonNode presentation, String challenge, String domain) {
        String body = "{\"verifiablePresentation\": " + presentation + ", \"options\": {\"challenge\": \"" + challenge
                + "\", \"domain\": \"" + domain + "\"}}";
        return WebClient.on(port).postJson("/presentations/verify", body);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
