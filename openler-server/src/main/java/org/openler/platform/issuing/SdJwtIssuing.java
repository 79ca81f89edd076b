package org.openler.platform.issuing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.issuers.Issuer;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.issuers.JwtKeys;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.status.CredentialId;
import org.openler.standards.credentials.Achievement;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.Disclosure;
import org.openler.standards.sdjwt.SdJwt;
import org.openler.standards.sdjwt.SdJwtIssuer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SD-JWT VC half of {@link Issuance}: the achievement and the recipient as flat claims, every one that identifies
 * the person or describes the result selectively disclosable, signed ES256 with the organization's P-256 key
 * ({@code typ: dc+sd-jwt}, {@code iss} its did:web, {@code vct} the achievement's URL here). Status is the platform's
 * issued-credential record (looked up by {@code jti} when this platform verifies); the IETF Token Status List is not
 * implemented yet. A credential issued to an e-mail address has no holder key until a learner claims it:
 * {@link #bindToHolder} then re-issues it with the wallet's key in {@code cnf.jwk}.
 */
@Service
public class SdJwtIssuing {

    public static final String TYPE = "dc+sd-jwt";
    private static final int DECOYS = 4;

    private final JwtKeys keys;
    private final JdbcClient jdbc;
    private final Issuers issuers;

    SdJwtIssuing(JwtKeys keys, JdbcClient jdbc, Issuers issuers) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.issuers = issuers;
    }

    /** What an SD-JWT VC says. */
    record Claims(
            CredentialId id,
            String issuerName,
            Achievement achievement,
            Issuance.To recipient,
            Instant issuedAt,
            Optional<Instant> validUntil,
            Optional<TokenStatus> status) {}

    /** Where a verifier anywhere reads the credential's status: an index in a Token Status List at a URL. */
    record TokenStatus(int index, String uri) {}

    String sign(Issuer issuer, Claims claims) {
        JsonObjectBuilder payload = Jsons.PROVIDER
                .createObjectBuilder()
                .add("iss", issuer.did().value())
                .add("iat", claims.issuedAt().getEpochSecond())
                .add("nbf", claims.issuedAt().getEpochSecond());
        claims.validUntil().ifPresent(until -> payload.add("exp", until.getEpochSecond()));
        Achievement achievement = claims.achievement();
        claims.status()
                .ifPresent(status -> payload.add(
                        "status",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        "status_list",
                                        Jsons.PROVIDER
                                                .createObjectBuilder()
                                                .add("idx", status.index())
                                                .add("uri", status.uri()))));
        payload.add("vct", achievement.id().toString())
                .add("jti", "urn:uuid:" + claims.id())
                .add("issuer_name", claims.issuerName());
        switch (claims.recipient()) {
            case Issuance.To.Email email ->
                payload.add("email", email.address().strip().toLowerCase());
            case Issuance.To.DidSubject did -> payload.add("sub", did.did());
        }
        payload.add("achievement_name", achievement.name())
                .add("achievement_description", achievement.description())
                .add("achievement_criteria", achievement.criteriaNarrative());
        achievement.achievementType().ifPresent(type -> payload.add("achievement_type", type));
        if (!achievement.alignments().isEmpty()) {
            JsonArrayBuilder alignments = Jsons.PROVIDER.createArrayBuilder();
            for (Achievement.Alignment a : achievement.alignments()) {
                JsonObjectBuilder one = Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("target_name", a.targetName())
                        .add("target_url", a.targetUrl().toString());
                a.targetType().ifPresent(v -> one.add("target_type", v));
                a.targetFramework().ifPresent(v -> one.add("target_framework", v));
                a.targetCode().ifPresent(v -> one.add("target_code", v));
                alignments.add(one);
            }
            payload.add("alignments", alignments);
        }
        return issue(issuer, payload.build());
    }

    /** The claims a holder may choose to disclose: who the person is and what they achieved. */
    public static final Set<String> DISCLOSABLE = Set.of(
            "email",
            "sub",
            "achievement_name",
            "achievement_description",
            "achievement_criteria",
            "achievement_type",
            "alignments");

    private String issue(Issuer issuer, JsonObject claims) {
        return SdJwtIssuer.issue(claims, DISCLOSABLE, DECOYS, keys.signingKey(issuer), TYPE)
                .serialize();
    }

    /**
     * The issued SD-JWT VC again, bound to a holder's public key ({@code cnf.jwk}), with fresh salts and the same
     * claims, signed now with the organization's current key. The provider's record keeps the bytes it issued; the
     * bound copy goes to the holder (the wallet stores it).
     */
    @Transactional
    public String bindToHolder(CredentialId issuedCredential, JWK holderKey) {
        record Row(UUID organization, String document, String format) {}
        Row row = jdbc.sql("select organization_id, document, format from issued_credential where id = ?")
                .param(issuedCredential.value())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credential"));
        if (!CredentialFormat.SD_JWT.wireName().equals(row.format())) {
            throw new PlatformException(Problem.CONFLICT, "Only an SD-JWT VC is bound to a holder key.");
        }
        Issuer issuer = issuers.find(new OrganizationId(row.organization()))
                .orElseThrow(() -> PlatformException.notFound("The issuer"));
        // Our own bytes, signed here: read back, not verified again.
        SdJwt issued = SdJwt.parse(row.document());
        JsonObject payload =
                StrictJson.parseObject(new Base64URL(issued.issuerJwt().split("\\.")[1]).decode());
        JsonObjectBuilder claims = Jsons.PROVIDER.createObjectBuilder();
        Set<String> order = new LinkedHashSet<>(payload.keySet());
        for (String name : order) {
            if (!name.equals("_sd") && !name.equals("_sd_alg") && !name.equals("cnf")) {
                claims.add(name, payload.get(name));
            }
        }
        for (Disclosure disclosure : issued.disclosures()) {
            claims.add(disclosure.claimName().orElseThrow(), disclosure.value());
        }
        claims.add(
                "cnf",
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add(
                                "jwk",
                                StrictJson.parseObject(holderKey.toPublicJWK().toJSONString())));
        return issue(issuer, claims.build());
    }
}
