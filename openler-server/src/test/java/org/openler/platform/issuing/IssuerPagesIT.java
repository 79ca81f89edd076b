package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A provider's issuing pages and the public verification page, driven over HTTP as a browser would: define an
 * achievement, issue it, find it in the list, check it on the verify page, revoke it, and see the verify page say
 * "Not verified"; rotate the signing key. Mistakes in forms come back next to their fields.
 */
@PlatformTest
class IssuerPagesIT {

    private static final Pattern OPTION = Pattern.compile("<option value=\"([0-9a-f-]{36})\"");
    private static final Pattern ISSUED_ID = Pattern.compile("id=\"issued-id\">urn:uuid:([0-9a-f-]{36})<");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Fixtures.Org provider;
    WebClient admin;
    String orgPath;

    @BeforeEach
    void aProviderAdminSignedIn() {
        provider = fixtures.organization(Organization.Kind.PROVIDER);
        admin = WebClient.on(port);
        admin.signIn(provider.admin().email().value(), Fixtures.PASSWORD);
        orgPath = "/orgs/" + provider.slug();
    }

    @Test
    void aProviderDefinesIssuesRevokesAndTheVerifyPageFollows() {
        HttpResponse<String> home = admin.page(orgPath);
        assertThat(home.body())
                .contains("href=\"" + orgPath + "/achievements\"")
                .contains("href=\"" + orgPath + "/issue\"")
                .contains("href=\"" + orgPath + "/credentials/issued\"")
                .contains("href=\"" + orgPath + "/keys\"");

        String achievements = orgPath + "/achievements";
        assertThat(admin.page(achievements).body()).contains("No achievements yet.");
        HttpResponse<String> defined = admin.submit(
                achievements,
                achievements + "/new",
                Map.of(
                        "name", "Safe Forklift Operation",
                        "description", "Operates a counterbalance forklift safely.",
                        "criteria", "Passed the practical test.",
                        "achievementType", "Certificate",
                        "image", "",
                        "alignments",
                                "https://example.org/skills/forklift Forklift operation\n\n"
                                        + "https://example.org/skills/safety Workplace safety"));
        assertThat(defined.statusCode()).isEqualTo(302);
        assertThat(defined.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(achievements));
        String list = admin.page(achievements).body();
        assertThat(list)
                .contains("The achievement &quot;Safe Forklift Operation&quot; is defined.")
                .contains("Safe Forklift Operation")
                .contains("href=\"https://example.org/skills/safety\">Workplace safety</a>");

        String issuePage = admin.page(orgPath + "/issue").body();
        Matcher option = OPTION.matcher(issuePage);
        assertThat(option.find()).as("the issue form offers the achievement").isTrue();
        String achievementId = option.group(1);
        String key = field(issuePage, "idempotencyKey");
        Map<String, String> issue = Map.of(
                "achievement",
                achievementId,
                "recipient",
                "forklift.learner@example.org",
                "validUntil",
                "2099-12-31",
                "idempotencyKey",
                key);
        HttpResponse<String> issued = admin.submit(orgPath + "/issue", orgPath + "/issue", issue);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(302);
        assertThat(issued.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(orgPath + "/credentials/issued"));
        String issuedList = admin.page(orgPath + "/credentials/issued").body();
        assertThat(issuedList).contains("The credential is issued.");
        Matcher id = ISSUED_ID.matcher(issuedList);
        assertThat(id.find()).as("the new credential's id is shown").isTrue();
        String credentialId = id.group(1);
        assertThat(issuedList)
                .contains("forklift.learner@example.org")
                .contains(">active<")
                .contains("href=\"" + orgPath + "/credentials/" + credentialId + "\"")
                .contains("href=\"" + orgPath + "/credentials/" + credentialId + "/revoke\"")
                .contains("download=\"credential-" + credentialId + ".json\"");

        HttpResponse<String> again = admin.submit(orgPath + "/issue", orgPath + "/issue", issue);
        assertThat(again.statusCode()).as("the same form sent twice").isEqualTo(302);
        assertThat(admin.page(orgPath + "/credentials/issued").body())
                .contains("This form was already sent")
                .contains("urn:uuid:" + credentialId);

        HttpResponse<String> json = admin.get(orgPath + "/credentials/" + credentialId, "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        String credential = json.body();
        assertThat(credential).contains("urn:uuid:" + credentialId).contains("Safe Forklift Operation");

        HttpResponse<String> verified = verify(WebClient.on(port), credential);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(heading2(verified.body())).isEqualTo("Verified");
        assertThat(verified.body()).doesNotContain("status-failed");
        assertThat(verify(WebClient.on(port), "{\"verifiableCredential\":" + credential + "}")
                        .body())
                .as("what the issuing API answers can be pasted as it is")
                .contains("<h2 id=\"verdict\">Verified</h2>");

        HttpResponse<String> suspended = admin.submit(
                orgPath + "/credentials/issued", orgPath + "/credentials/" + credentialId + "/suspend", Map.of());
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(302);
        assertThat(admin.page(orgPath + "/credentials/issued").body())
                .contains("The credential is suspended")
                .contains(">suspended<")
                .contains("action=\"" + orgPath + "/credentials/" + credentialId + "/reinstate\"");
        HttpResponse<String> whileSuspended = verify(WebClient.on(port), credential);
        assertThat(heading2(whileSuspended.body())).isEqualTo("Not verified");
        assertThat(whileSuspended.body())
                .contains("The issuer has suspended this credential")
                .contains("Not revoked");
        HttpResponse<String> reinstated = admin.submit(
                orgPath + "/credentials/issued", orgPath + "/credentials/" + credentialId + "/reinstate", Map.of());
        assertThat(reinstated.statusCode()).isEqualTo(302);
        assertThat(admin.page(orgPath + "/credentials/issued").body()).contains("The credential is reinstated");
        assertThat(heading2(verify(WebClient.on(port), credential).body())).isEqualTo("Verified");

        String confirm =
                admin.page(orgPath + "/credentials/" + credentialId + "/revoke").body();
        assertThat(confirm).contains("Revocation is final").contains("Yes, revoke this credential");
        HttpResponse<String> revoked = admin.submit(
                orgPath + "/credentials/" + credentialId + "/revoke",
                orgPath + "/credentials/" + credentialId + "/revoke",
                Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        String afterRevocation = admin.page(orgPath + "/credentials/issued").body();
        assertThat(afterRevocation)
                .contains("The credential is revoked.")
                .contains(">revoked<")
                .doesNotContain("href=\"" + orgPath + "/credentials/" + credentialId + "/revoke\"");

        HttpResponse<String> notVerified = verify(WebClient.on(port), credential);
        assertThat(notVerified.statusCode()).isEqualTo(200);
        assertThat(heading2(notVerified.body())).isEqualTo("Not verified");
        assertThat(row(notVerified.body(), "Status (revocation, suspension)")).contains("failed");
        assertThat(notVerified.body()).contains("The issuer has revoked this credential");
        assertThat(row(notVerified.body(), "Signature (proof)")).contains("passed");

        HttpResponse<String> uploaded = upload(WebClient.on(port), credential.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(heading2(uploaded.body())).isEqualTo("Not verified");
    }

    @Test
    void theVerifyPageReadsAnythingWithoutAServerError() {
        WebClient anyone = WebClient.on(port);
        assertThat(anyone.page("/verify").body())
                .contains("Verify a credential")
                .contains("enctype=\"multipart/form-data\"");
        assertThat(anyone.page("/").body()).as("the footer links to it").contains("href=\"/verify\"");
        for (String bad : new String[] {
            "{not json", "[]", "null", "\"a string\"", "{}", "{\"a\":1,\"a\":2}", "[".repeat(5000), "\u0000"
        }) {
            HttpResponse<String> answer = verify(anyone, bad);
            assertThat(answer.statusCode()).as(bad).isEqualTo(200);
            assertThat(heading2(answer.body())).as(bad).isEqualTo("Not verified");
        }
        assertThat(verify(anyone, "{not json").body()).contains("We could not read this");
        HttpResponse<String> binary = upload(anyone, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '{'});
        assertThat(binary.statusCode()).isEqualTo(200);
        assertThat(binary.body()).contains("We could not read this");

        HttpResponse<String> empty = verify(anyone, "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Paste a credential, or choose its file.");

        HttpResponse<String> tooLarge = upload(anyone, new byte[1_100_000]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);

        HttpResponse<String> spanish = anyone.page("/verify?lang=es");
        assertThat(spanish.body()).contains("lang=\"es\"").contains("Verificar una credencial");
        assertThat(heading2(verify(anyone, "{not json").body())).isEqualTo("No verificada");
    }

    @Test
    void formMistakesComeBackNextToTheirFieldsAndNothingIsMade() {
        String achievements = orgPath + "/achievements";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "");
        fields.put("description", "Something");
        fields.put("criteria", "Something else");
        fields.put("achievementType", "NoSuchType");
        fields.put("image", "ftp://example.org/x.png");
        fields.put("alignments", "");
        HttpResponse<String> refused = admin.submit(achievements, achievements + "/new", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"name-error\"")
                .contains("id=\"type-error\"")
                .contains("id=\"image-error\"")
                .doesNotContain("id=\"description-error\"")
                .contains("value=\"ftp://example.org/x.png\"")
                .contains("aria-invalid=\"true\"");

        fields.put("name", "Good name");
        fields.put("achievementType", "Badge");
        fields.put("image", "");
        fields.put("alignments", "https://example.org/a Fine\nnot-a-uri Broken\n");
        HttpResponse<String> badLine = admin.submit(achievements, achievements + "/new", fields);
        assertThat(badLine.statusCode()).isEqualTo(400);
        assertThat(badLine.body()).contains("id=\"alignments-error\"").contains("Lines that cannot be read: 2.");
        assertThat(admin.page(achievements).body()).contains("No achievements yet.");

        HttpResponse<String> spanish = admin.submit(achievements + "?lang=es", achievements + "/new", fields);
        assertThat(spanish.body()).contains("Líneas que no se pueden leer: 2.");

        fields.put("alignments", "");
        assertThat(admin.submit(achievements + "?lang=en", achievements + "/new", fields)
                        .statusCode())
                .isEqualTo(302);
        String issuePage = admin.page(orgPath + "/issue").body();
        Matcher option = OPTION.matcher(issuePage);
        assertThat(option.find()).isTrue();
        HttpResponse<String> noRecipient = admin.submit(
                orgPath + "/issue",
                orgPath + "/issue",
                Map.of("achievement", option.group(1), "recipient", "not an address"));
        assertThat(noRecipient.statusCode()).isEqualTo(400);
        assertThat(noRecipient.body()).contains("id=\"recipient-error\"").contains("value=\"not an address\"");
        HttpResponse<String> past = admin.submit(
                orgPath + "/issue",
                orgPath + "/issue",
                Map.of(
                        "achievement",
                        option.group(1),
                        "recipient",
                        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                        "validUntil",
                        "2001-01-01"));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("id=\"validUntil-error\"");
        HttpResponse<String> unknown = admin.submit(
                orgPath + "/issue",
                orgPath + "/issue",
                Map.of("achievement", UUID.randomUUID().toString(), "recipient", "a@example.org"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"achievement-error\"");
        assertThat(admin.page(orgPath + "/credentials/issued").body()).contains("Nothing issued yet.");
    }

    @Test
    void anAdminRotatesTheKeyAndTheOldKeyStaysPublished() {
        String keys = orgPath + "/keys";
        String page = admin.page(keys).body();
        assertThat(page)
                .contains("did:web:")
                .contains(":orgs:" + provider.slug())
                .contains("href=\"" + orgPath + "/did.json\"")
                .contains("<code>key-1</code>")
                .contains("In use");
        HttpResponse<String> rotated = admin.submit(keys, keys + "/rotate", Map.of());
        assertThat(rotated.statusCode()).isEqualTo(302);
        String after = admin.page(keys).body();
        assertThat(after)
                .contains("The key is rotated: key-2 signs from now on.")
                .contains("<code>key-2</code>");
        assertThat(after.indexOf("<code>key-1</code>")).isLessThan(after.indexOf("<code>key-2</code>"));
        assertThat(admin.get(orgPath + "/did.json", "application/json").body())
                .contains("#key-1")
                .contains("#key-2");
    }

    @Test
    void viewersSeeTheListsButCannotDefineIssueRevokeOrRotate() {
        WebClient viewer = WebClient.on(port);
        viewer.signIn(fixtures.member(provider, StaffRole.VIEWER).email().value(), Fixtures.PASSWORD);
        HttpResponse<String> achievements = viewer.page(orgPath + "/achievements");
        assertThat(achievements.statusCode()).isEqualTo(200);
        assertThat(achievements.body()).doesNotContain("/achievements/new");
        assertThat(viewer.page(orgPath + "/credentials/issued").statusCode()).isEqualTo(200);
        assertThat(viewer.page(orgPath + "/issue").statusCode()).isEqualTo(403);
        assertThat(viewer.page(orgPath + "/keys").statusCode()).isEqualTo(403);
        assertThat(viewer.page(orgPath).body())
                .contains(orgPath + "/achievements")
                .doesNotContain(orgPath + "/issue")
                .doesNotContain(orgPath + "/keys");
        HttpResponse<String> rotate = viewer.submit(orgPath + "/achievements", orgPath + "/keys/rotate", Map.of());
        assertThat(rotate.statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> verify(WebClient client, String json) {
        return client.submit("/verify", "/verify", Map.of("json", json));
    }

    /** Uploads a file the way the form does: multipart, with the CSRF token as a form part. */
    private static HttpResponse<String> upload(WebClient client, byte[] file) {
        String token = client.csrfToken("/verify");
        String boundary = "----openler" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n\r\n--"
                        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"credential.json\""
                        + "\r\nContent-Type: application/json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/verify"))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private static String heading2(String page) {
        Matcher m = Pattern.compile("<h2 id=\"verdict\">([^<]*)</h2>").matcher(page);
        return m.find() ? m.group(1) : "(no verdict on the page)";
    }

    /** The text of the result table's row for one check. */
    private static String row(String page, String check) {
        int at = page.indexOf("<th scope=\"row\">" + check + "</th>");
        assertThat(at).as("a row for " + check).isGreaterThan(0);
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("a field " + name).isTrue();
        return m.group(1);
    }
}
