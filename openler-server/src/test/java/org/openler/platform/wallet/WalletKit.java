package org.openler.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.issuing.CredentialFormat;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.organizations.Organization;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.status.CredentialId;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.status.CredentialStatuses;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.WebClient;
import org.openler.standards.credentials.Achievement;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.credentials.IdentityObject;
import org.openler.standards.credentials.IssuerProfile;
import org.openler.standards.credentials.Recipient;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidKey;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jwt.VcJwt;
import org.springframework.stereotype.Component;

/** A provider that issues through the real services, learners signed in over HTTP, and credentials from elsewhere. */
@Component
public class WalletKit {

    private static final Pattern CLAIM_LINK = Pattern.compile("/wallet/claim/([A-Za-z0-9_-]+)");
    private static final Pattern WALLET_ID = Pattern.compile("/wallet/credentials/([0-9a-f-]{36})");

    public final Fixtures fixtures;
    final Issuance issuance;
    final CredentialStatuses statuses;
    final Achievements achievements;
    final MailOutbox outbox;

    WalletKit(
            Fixtures fixtures,
            Issuance issuance,
            CredentialStatuses statuses,
            Achievements achievements,
            MailOutbox outbox) {
        this.fixtures = fixtures;
        this.issuance = issuance;
        this.statuses = statuses;
        this.achievements = achievements;
        this.outbox = outbox;
    }

    /** The fixtures, for tests in other packages. */
    public Fixtures fixturesForTests() {
        return fixtures;
    }

    /** A provider with one achievement. */
    public record Provider(Fixtures.Org org, AchievementDefinition achievement) {}

    public Provider provider(String achievementName) {
        return provider(achievementName, List.of());
    }

    /**
     * A provider whose one achievement aligns to these skills ({@link #competency}): what the skills profile, the
     * matching engine and talent search read a credential's skills from.
     */
    public Provider provider(String achievementName, List<AchievementDefinition.Alignment> skills) {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        AchievementDefinition achievement = achievements.create(
                org.organization().id(),
                new Achievements.Draft(
                        achievementName, "Does the thing well.", "Passed the assessment.", "Badge", "", skills),
                Fixtures.person(org.admin()));
        return new Provider(org, achievement);
    }

    /** An alignment to a competency of the ontology, by its URI and label. */
    public static AchievementDefinition.Alignment competency(URI skill, String label) {
        return new AchievementDefinition.Alignment(
                skill, label, Optional.of("ceasn:Competency"), Optional.empty(), Optional.empty());
    }

    /** The provider's credential, issued to the learner and claimed into their wallet over HTTP: its id there. */
    public UUID issuedAndClaimed(Provider provider, Account learner, WebClient web) {
        issue(provider, learner.email().value());
        return walletId(claim(web, claimToken(learner.email().value())));
    }

    public Issuance.Issued issue(Provider provider, String email) {
        return issuance.issue(
                fixtures.issuer(provider.org()),
                new Issuance.Request(
                        provider.achievement().id(), new Issuance.To.Email(email), Optional.empty(), Optional.empty()),
                Fixtures.person(provider.org().admin()));
    }

    /** A Data Integrity credential stating results (the achievement's result descriptions, by name). */
    public Issuance.Issued issue(Provider provider, String email, List<Issuance.StatedResult> results) {
        return issuance.issue(
                fixtures.issuer(provider.org()),
                new Issuance.Request(
                        provider.achievement().id(),
                        new Issuance.To.Email(email),
                        Optional.empty(),
                        Optional.empty(),
                        Issuance.DidMethod.WEB,
                        CredentialFormat.LDP,
                        results),
                Fixtures.person(provider.org().admin()));
    }

    /** A credential issued here as an Open Badges 3.0 VC-JWT (ES256, the organization's did:web JsonWebKey). */
    public Issuance.Issued issueJwt(Provider provider, String email) {
        return issueAs(provider, email, CredentialFormat.JWT);
    }

    /** A credential issued here as an SD-JWT VC (its personal and result claims selectively disclosable). */
    public Issuance.Issued issueSdJwt(Provider provider, String email) {
        return issueAs(provider, email, CredentialFormat.SD_JWT);
    }

    private Issuance.Issued issueAs(Provider provider, String email, CredentialFormat format) {
        return issuance.issue(
                fixtures.issuer(provider.org()),
                new Issuance.Request(
                        provider.achievement().id(),
                        new Issuance.To.Email(email),
                        Optional.empty(),
                        Optional.empty(),
                        Issuance.DidMethod.WEB,
                        format),
                Fixtures.person(provider.org().admin()));
    }

    public void changeStatus(Provider provider, CredentialId credential, CredentialStatus status) {
        statuses.change(
                provider.org().organization().id(),
                credential,
                status,
                Fixtures.person(provider.org().admin()));
    }

    /** The token of the newest claim link sent to the address. */
    public String claimToken(String email) {
        List<MailOutbox.Message> messages = outbox.to(email);
        assertThat(messages).as("messages to the recipient").isNotEmpty();
        Matcher m = CLAIM_LINK.matcher(messages.get(0).body());
        assertThat(m.find())
                .as("a claim link in: %s", messages.get(0).subject())
                .isTrue();
        return m.group(1);
    }

    public static WebClient signedIn(int port, Account account) {
        WebClient web = WebClient.on(port);
        web.signIn(account.email().value(), Fixtures.PASSWORD);
        return web;
    }

    public static HttpResponse<String> claim(WebClient web, String token) {
        return web.submit("/wallet/claim/" + token, "/wallet/claim/" + token, Map.of());
    }

    /** The wallet id a claim or import redirected to. */
    public static UUID walletId(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as("redirect").isEqualTo(302);
        Matcher m = WALLET_ID.matcher(redirect.headers().firstValue("Location").orElse(""));
        assertThat(m.find()).isTrue();
        return UUID.fromString(m.group(1));
    }

    public static HttpResponse<String> importText(WebClient web, String text) {
        return web.submit("/wallet", "/wallet/import", Map.of("text", text));
    }

    /** An Open Badges 3.0 credential issued elsewhere, by a did:key, signed with eddsa-rdfc-2022. */
    public static String elsewhere(String name) {
        Ed25519KeyPair key = Ed25519.generate();
        Did issuer = DidKey.of(key.publicKey());
        JsonObject signed = EddsaRdfc2022.sign(
                unsigned(name, issuer),
                key,
                ProofOptions.assertion(DidKey.verificationMethodId(key.publicKey()), Instant.now()));
        return StrictJson.write(signed);
    }

    /** An Open Badges 3.0 VC-JWT (ES256) from a did:jwk issuer. */
    public static String jwt(String name) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        String did =
                "did:jwk:" + Base64URL.encode(key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
        return VcJwt.sign(unsigned(name, Did.of(did)), key);
    }

    static JsonObject unsigned(String name, Did issuer) {
        return Credentials.openBadge()
                .id(URI.create("urn:uuid:" + UUID.randomUUID()))
                .name(name)
                .issuer(new IssuerProfile(issuer, "Elsewhere College", Optional.empty()))
                .recipient(new Recipient.ByIdentity(IdentityObject.saltedEmail("someone@example.org")))
                .achievement(new Achievement(
                        URI.create("https://elsewhere.example/achievements/" + UUID.randomUUID()),
                        name,
                        "Knows it.",
                        "Passed.",
                        Optional.of("Badge"),
                        Optional.empty(),
                        List.of()))
                .validFrom(Instant.now().minus(1, ChronoUnit.DAYS))
                .build();
    }
}
