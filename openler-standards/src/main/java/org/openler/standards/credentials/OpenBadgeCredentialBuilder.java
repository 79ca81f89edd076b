package org.openler.standards.credentials;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;
import org.openler.standards.jsonld.BundledContexts;
import org.openler.standards.status.StatusEntry;

/**
 * Builds an unsigned OB 3.0 {@code OpenBadgeCredential} on VC DM 2.0. The result passes {@link CredentialRules}; sign
 * it with {@code EddsaRdfc2022.sign}.
 */
public final class OpenBadgeCredentialBuilder {

    private URI id;
    private String name;
    private IssuerProfile issuer;
    private Recipient recipient;
    private Achievement achievement;
    private Instant validFrom;
    private Optional<Instant> validUntil = Optional.empty();
    private final java.util.List<StatusEntry> statuses = new java.util.ArrayList<>();
    private Optional<java.math.BigDecimal> creditsEarned = Optional.empty();
    private final java.util.List<JsonObject> results = new java.util.ArrayList<>();
    private final java.util.List<JsonObject> evidence = new java.util.ArrayList<>();

    OpenBadgeCredentialBuilder() {}

    /** The credential's id, e.g. {@code urn:uuid:…}. */
    public OpenBadgeCredentialBuilder id(URI id) {
        this.id = id;
        return this;
    }

    /** Defaults to the achievement's name. */
    public OpenBadgeCredentialBuilder name(String name) {
        this.name = name;
        return this;
    }

    public OpenBadgeCredentialBuilder issuer(IssuerProfile issuer) {
        this.issuer = issuer;
        return this;
    }

    public OpenBadgeCredentialBuilder recipient(Recipient recipient) {
        this.recipient = recipient;
        return this;
    }

    public OpenBadgeCredentialBuilder achievement(Achievement achievement) {
        this.achievement = achievement;
        return this;
    }

    public OpenBadgeCredentialBuilder validFrom(Instant validFrom) {
        this.validFrom = validFrom;
        return this;
    }

    public OpenBadgeCredentialBuilder validUntil(Instant validUntil) {
        this.validUntil = Optional.of(validUntil);
        return this;
    }

    /**
     * Adds a status entry (call once per purpose: revocation, suspension). One entry is written as an object, several
     * as an array, as VC Data Model 2.0 allows.
     */
    public OpenBadgeCredentialBuilder status(StatusEntry status) {
        this.statuses.add(status);
        return this;
    }

    /** The credit the subject earned ({@code AchievementSubject.creditsEarned}), e.g. credit hours for a course. */
    public OpenBadgeCredentialBuilder creditsEarned(java.math.BigDecimal credits) {
        if (credits.signum() < 0) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "creditsEarned is not negative");
        }
        this.creditsEarned = Optional.of(credits);
        return this;
    }

    /** Adds a {@code Result} with a value (e.g. "3 semester credit hours") to the subject. */
    public OpenBadgeCredentialBuilder result(String value) {
        results.add(Jsons.PROVIDER
                .createObjectBuilder()
                .add("type", Jsons.PROVIDER.createArrayBuilder().add("Result"))
                .add("value", value)
                .build());
        return this;
    }

    /**
     * Adds a {@code Result} that one of the achievement's {@code resultDescription}s describes: its value (a letter
     * grade, a percent) or, for a rubric, the {@code achievedLevel} (the id of one of its levels), or both.
     */
    public OpenBadgeCredentialBuilder result(
            URI resultDescription, Optional<String> value, Optional<URI> achievedLevel) {
        if (value.isEmpty() && achievedLevel.isEmpty()) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A result states a value or an achieved level");
        }
        JsonObjectBuilder r = Jsons.PROVIDER
                .createObjectBuilder()
                .add("type", Jsons.PROVIDER.createArrayBuilder().add("Result"))
                .add("resultDescription", resultDescription.toString());
        achievedLevel.ifPresent(l -> r.add("achievedLevel", l.toString()));
        value.ifPresent(v -> r.add("value", v));
        results.add(r.build());
        return this;
    }

    /** Adds an {@code Evidence} (e.g. the credential the credit was awarded for): its id if any, name, narrative. */
    public OpenBadgeCredentialBuilder evidence(Optional<URI> evidenceId, String evidenceName, String narrative) {
        JsonObjectBuilder e = Jsons.PROVIDER.createObjectBuilder();
        evidenceId.ifPresent(i -> e.add("id", i.toString()));
        e.add("type", Jsons.PROVIDER.createArrayBuilder().add("Evidence"))
                .add("name", evidenceName)
                .add("narrative", narrative);
        evidence.add(e.build());
        return this;
    }

    /**
     * @throws StandardsException INVALID_ARGUMENT when a required part is missing or the dates are out of order
     */
    public JsonObject build() {
        require(id, "id");
        require(issuer, "issuer");
        require(recipient, "recipient");
        require(achievement, "achievement");
        require(validFrom, "validFrom");
        if (validUntil.isPresent() && validUntil.get().isBefore(validFrom)) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "validUntil is before validFrom");
        }
        JsonObjectBuilder subject = Jsons.PROVIDER.createObjectBuilder();
        switch (recipient) {
            case Recipient.ByDid d -> subject.add("id", d.did().value());
            case Recipient.ByIdentity i -> {}
        }
        subject.add("type", Jsons.PROVIDER.createArrayBuilder().add("AchievementSubject"));
        if (recipient instanceof Recipient.ByIdentity i) {
            subject.add(
                    "identifier",
                    Jsons.PROVIDER.createArrayBuilder().add(i.identity().toJson()));
        }
        subject.add("achievement", achievement.toJson());
        creditsEarned.ifPresent(c -> subject.add("creditsEarned", c));
        if (!results.isEmpty()) {
            var array = Jsons.PROVIDER.createArrayBuilder();
            results.forEach(array::add);
            subject.add("result", array);
        }

        JsonObjectBuilder credential = Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "@context",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(BundledContexts.VC_V2)
                                .add(BundledContexts.OB_V3P0_3_0_3))
                .add("id", id.toString())
                .add(
                        "type",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("OpenBadgeCredential"))
                .add("name", name != null ? name : achievement.name())
                .add("issuer", issuer.toJson())
                .add("validFrom", format(validFrom));
        validUntil.ifPresent(u -> credential.add("validUntil", format(u)));
        credential.add("credentialSubject", subject);
        if (!evidence.isEmpty()) {
            var array = Jsons.PROVIDER.createArrayBuilder();
            evidence.forEach(array::add);
            credential.add("evidence", array);
        }
        if (statuses.size() == 1) {
            credential.add("credentialStatus", statuses.get(0).toJson());
        } else if (!statuses.isEmpty()) {
            var entries = Jsons.PROVIDER.createArrayBuilder();
            statuses.forEach(s -> entries.add(s.toJson()));
            credential.add("credentialStatus", entries);
        }
        return Credentials.requireEmittable(credential.build());
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void require(Object value, String what) {
        if (Objects.isNull(value)) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "An OpenBadgeCredential needs " + what);
        }
    }
}
