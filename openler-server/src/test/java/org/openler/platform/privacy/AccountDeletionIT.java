package org.openler.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deleting an account: confirmed by typing the address, refused for an organization's only admin, and afterwards a
 * scan of every column of every table finds nothing that names the person: not their account id (uuid columns, and
 * inside text such as audit names), not their e-mail address, not their name. Their sessions are over, and the
 * credential a provider issued them still verifies for whoever holds it.
 */
@PlatformTest
class AccountDeletionIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WalletKit kit;

    @Autowired
    AccountService accounts;

    @Autowired
    OrganizationService organizations;

    @Autowired
    Discovery discovery;

    @Autowired
    JdbcClient jdbc;

    @Test
    void afterDeletionNoColumnOfAnyTableNamesThePersonTheirSessionsEndAndTheirCredentialStillVerifies() {
        String name = "Zelda Quux " + UUID.randomUUID().toString().substring(0, 8);
        String email = Fixtures.unique("zelda") + "@example.org";
        Account learner = accounts.create(
                new AccountService.NewAccount(email, name, Fixtures.PASSWORD, AccountKind.LEARNER, "en"));
        WalletKit.Provider provider = kit.provider("Sail Trimming");
        Issuance.Issued claimed = kit.issue(provider, email);
        WebClient one = WebClient.on(port);
        one.signIn(email, Fixtures.PASSWORD);
        WebClient two = WebClient.on(port);
        two.signIn(email, Fixtures.PASSWORD);
        String token = kit.claimToken(email);
        assertThat(one.submit("/wallet/claim/" + token, "/wallet/claim/" + token, Map.of())
                        .statusCode())
                .isEqualTo(302);
        kit.issue(provider, email); // a second one, never claimed: its link waits in the outbox
        accounts.requestPasswordReset(email, "http://localhost:" + port);
        organizations.invite(
                provider.org().organization(),
                email,
                StaffRole.VIEWER,
                Fixtures.person(provider.org().admin()),
                "http://localhost:" + port);
        String held = jdbc.sql("select id from wallet_credential where account_id = ?")
                .param(learner.id().value())
                .query(UUID.class)
                .single()
                .toString();
        assertThat(one.submit(
                                "/privacy/corrections",
                                "/privacy/corrections",
                                Map.of("credential", held, "message", "My name is spelled " + name))
                        .statusCode())
                .isEqualTo(302);
        discovery.setDiscoverable(learner.id(), true);
        // The sections other features add: a share (opened once by the party) and the skills profile.
        HttpResponse<String> share =
                one.send(java.net.http.HttpRequest.newBuilder(URI.create(one.base() + "/api/v1/shares"))
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", one.csrfToken("/wallet"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"credentials\": [\"" + held
                                + "\"], \"party\": \"Harbour Employer\", \"purpose\": \"Hiring " + name + "\"}"))
                        .build());
        assertThat(share.statusCode()).as(share.body()).isEqualTo(201);
        String link = URI.create(share.body().replaceAll("(?s).*\"url\"\\s*:\\s*\"([^\"]+)\".*", "$1"))
                .getPath();
        assertThat(WebClient.on(port).page(link).statusCode()).isEqualTo(200);
        one.submit("/wallet/skills", "/wallet/skills", Map.of("ownWords", "knots as " + name, "competency", ""));
        one.submit(
                "/wallet/resume",
                "/wallet/experiences",
                Map.of(
                        "kind",
                        "work",
                        "title",
                        "Deckhand",
                        "organization",
                        "Harbour",
                        "start",
                        "2024-01-15",
                        "description",
                        "Worked as " + name));
        List<String> before = references(learner.id(), email, name);
        System.out.println("Columns naming the person before deletion: " + before);
        assertThat(before)
                .as("the person is named before, in the other features' tables too")
                .anySatisfy(c -> assertThat(c).startsWith("credential_share."))
                .anySatisfy(c -> assertThat(c).startsWith("profile_skill."))
                .anySatisfy(c -> assertThat(c).startsWith("profile_experience."));

        HttpResponse<String> wrong =
                PrivacyClient.postAsProgram(one, "/privacy/delete", Map.of("confirmEmail", "someone-else@example.org"));
        PrivacyClient.assertProblem(wrong, 400, "invalid-input");
        HttpResponse<String> wrongOnPage = PrivacyClient.delete(one, "");
        assertThat(wrongOnPage.statusCode()).isEqualTo(400);
        assertThat(wrongOnPage.body()).contains("delete-errors");
        assertThat(accounts.find(learner.id()))
                .as("a refused deletion keeps the account")
                .isPresent();

        HttpResponse<String> deleted = PrivacyClient.delete(one, " " + email.toUpperCase(Locale.ROOT) + " ");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(URI.create(l).getPath()).isEqualTo("/privacy/deleted"));
        assertThat(one.page("/privacy/deleted").statusCode()).isEqualTo(200);

        assertThat(references(learner.id(), email, name))
                .as("columns still naming the deleted person")
                .isEmpty();
        for (WebClient session : List.of(one, two)) {
            HttpResponse<String> after = session.page("/privacy");
            assertThat(after.statusCode()).as("signed out everywhere").isEqualTo(302);
            assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
        }
        HttpResponse<String> stillValid = PrivacyClient.verify(one, claimed.document(), false);
        assertThat(stillValid.statusCode()).as(stillValid.body()).isEqualTo(200);
        assertThat(JsonFields.verified(stillValid.body())).isTrue();
        assertThat(jdbc.sql("select status from issued_credential where id = ?")
                        .param(claimed.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("ACTIVE");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action = 'ACCOUNT_DELETED' and subject like 'deleted:%'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void theOnlyAdminOfAnOrganizationMustHandOverBeforeDeletingAndAStaffMembersIssuedByBecomesAPseudonym() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        Account admin = org.admin();
        WebClient web = WebClient.on(port);
        web.signIn(admin.email().value(), Fixtures.PASSWORD);

        HttpResponse<String> refused = PrivacyClient.postAsProgram(
                web, "/privacy/delete", Map.of("confirmEmail", admin.email().value()));
        PrivacyClient.assertProblem(refused, 409, "conflict");
        assertThat(refused.body())
                .contains("only admin")
                .contains(org.organization().name());
        HttpResponse<String> onPage = PrivacyClient.delete(web, admin.email().value());
        assertThat(onPage.statusCode()).isEqualTo(409);
        assertThat(onPage.body()).contains("Make someone else admin there first");
        assertThat(accounts.find(admin.id())).isPresent();

        Account successor = fixtures.member(org, StaffRole.ADMIN);
        // The admin issued (as themselves) before leaving: the provider keeps the credential, not their name.
        kit.issue(new WalletKit.Provider(org, achievementOf(org)), Fixtures.unique("recipient") + "@example.org");
        HttpResponse<String> deleted = PrivacyClient.delete(web, admin.email().value());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(302);
        assertThat(references(admin.id(), admin.email().value(), null)).isEmpty();
        assertThat(organizations.roleOf(successor.id(), org.organization().id()))
                .contains(StaffRole.ADMIN);
        assertThat(jdbc.sql(
                                "select count(*) from issued_credential where organization_id = ? and issued_by like 'deleted:%'")
                        .param(org.organization().id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Autowired
    Achievements achievements;

    private AchievementDefinition achievementOf(Fixtures.Org org) {
        return achievements.create(
                org.organization().id(),
                new Achievements.Draft("Knot Tying", "Ties knots.", "Tied them.", "Badge", "", List.of()),
                Fixtures.person(org.admin()));
    }

    /**
     * Every column of every table of the schema that could name the person: uuid columns holding the account id,
     * text columns containing the id, the e-mail address or the name. Answers "table.column" for each hit.
     */
    private List<String> references(AccountId id, String email, String name) {
        List<String[]> columns = jdbc.sql("select table_name, column_name, data_type from information_schema.columns"
                        + " where table_schema = current_schema()"
                        + " and data_type in ('uuid', 'text', 'character varying', 'character')")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        assertThat(columns.size()).as("columns scanned").isGreaterThan(100);
        List<String> hits = new ArrayList<>();
        for (String[] column : columns) {
            String table = '"' + column[0] + '"';
            String col = '"' + column[1] + '"';
            long count;
            if (column[2].equals("uuid")) {
                count = jdbc.sql("select count(*) from " + table + " where " + col + " = ?")
                        .param(id.value())
                        .query(Long.class)
                        .single();
            } else {
                count = jdbc.sql("select count(*) from " + table + " where strpos(lower(" + col + "), ?) > 0"
                                + " or strpos(lower(" + col + "), ?) > 0"
                                + (name == null ? "" : " or strpos(lower(" + col + "), ?) > 0"))
                        .params(
                                name == null
                                        ? List.of(id.toString(), email.toLowerCase(Locale.ROOT))
                                        : List.of(
                                                id.toString(),
                                                email.toLowerCase(Locale.ROOT),
                                                name.toLowerCase(Locale.ROOT)))
                        .query(Long.class)
                        .single();
            }
            if (count > 0) {
                hits.add(column[0] + "." + column[1] + " (" + count + ")");
            }
        }
        return hits;
    }
}
