package org.openler.platform.profile;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.organizations.Organization;
import org.openler.platform.skills.load.BundledFrameworks;
import org.openler.platform.status.CredentialId;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.DidKey;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jsonld.BundledContexts;
import org.springframework.stereotype.Component;

/** Providers whose achievements align to skills, credentials held by signed-in learners, and endorsements. */
@Component
public class ProfileKit {

    /** ESCO skills (in the bundled ESCO 1.1.1). */
    public static final URI WELDING =
            URI.create("http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc");

    static final URI DATA_ANALYSIS =
            URI.create("http://data.europa.eu/esco/skill/2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f");

    /** A competency some other framework publishes: not in the ontology, but its alignment says it is one. */
    static final URI RIGGING = URI.create("https://competencies.example.org/rigging");

    /** A course: an alignment that is not a skill. */
    static final URI COURSE = URI.create("https://catalogue.example.org/courses/WLD-101");

    final WalletKit wallet;
    final Fixtures fixtures;
    final Achievements achievements;
    final BundledFrameworks bundled;

    ProfileKit(WalletKit wallet, Fixtures fixtures, Achievements achievements, BundledFrameworks bundled) {
        this.wallet = wallet;
        this.fixtures = fixtures;
        this.achievements = achievements;
        this.bundled = bundled;
    }

    /** The bundled frameworks (ESCO among them) stored once for the test database; later calls find them. */
    public void ontology() {
        bundled.loadAll();
    }

    /** A provider whose one achievement aligns to welding (ESCO), rigging (declared a competency) and a course. */
    public WalletKit.Provider weldingSchool() {
        return provider(
                "Welding and Rigging",
                List.of(
                        new AchievementDefinition.Alignment(WELDING, "use welding equipment"),
                        new AchievementDefinition.Alignment(
                                RIGGING,
                                "Rigging",
                                Optional.of("ceasn:Competency"),
                                Optional.of("Example competencies"),
                                Optional.empty()),
                        new AchievementDefinition.Alignment(
                                COURSE, "WLD-101", Optional.of("ceterms:Course"), Optional.empty(), Optional.empty())));
    }

    WalletKit.Provider provider(String name, List<AchievementDefinition.Alignment> alignments) {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        AchievementDefinition achievement = achievements.create(
                org.organization().id(),
                new Achievements.Draft(name, "Does the thing well.", "Passed the assessment.", "Badge", "", alignments),
                Fixtures.person(org.admin()));
        return new WalletKit.Provider(org, achievement);
    }

    /** A credential issued to the learner and claimed into their wallet: the issued id and the wallet id. */
    public record Held(CredentialId issued, UUID wallet) {}

    public Held issueAndClaim(WalletKit.Provider provider, Account learner, WebClient web) {
        CredentialId issued = wallet.issue(provider, learner.email().value()).id();
        UUID held = WalletKit.walletId(
                WalletKit.claim(web, wallet.claimToken(learner.email().value())));
        return new Held(issued, held);
    }

    /** An OB 3.0 EndorsementCredential by a third party (a did:key), endorsing the subject (a skill, an achievement). */
    public static String endorsement(URI subject, String endorser, String comment) {
        return endorsement(subject, endorser, comment, Ed25519.generate());
    }

    /** An endorsement signed with the given key, published as its did:key. */
    static String endorsement(URI subject, String endorser, String comment, Ed25519KeyPair key) {
        String issuer = DidKey.of(key.publicKey()).value();
        JsonObject unsigned = Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder().add(BundledContexts.VC_V2).add(BundledContexts.OB_V3P0_3_0_3))
                .add("id", "urn:uuid:" + UUID.randomUUID())
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("EndorsementCredential"))
                .add("name", "Endorsement by " + endorser)
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", issuer)
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", endorser))
                .add(
                        "validFrom",
                        Instant.now()
                                .minus(1, ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString())
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", subject.toString())
                                .add("type", Json.createArrayBuilder().add("EndorsementSubject"))
                                .add("endorsementComment", comment))
                .build();
        JsonObject signed = EddsaRdfc2022.sign(
                unsigned, key, ProofOptions.assertion(DidKey.verificationMethodId(key.publicKey()), Instant.now()));
        return StrictJson.write(signed);
    }
}
