package org.openler.platform.issuing;

import jakarta.json.JsonObject;
import org.openler.platform.issuers.Issuer;
import org.openler.platform.issuers.JwtKeys;
import org.openler.platform.status.CredentialId;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.jwt.VcJwt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The VC-JWT half of {@link Issuance}: the same unsigned credential as a Data Integrity one (status entry, validity,
 * recipient), signed as an Open Badges 3.0 §8.2 VC-JWT with the organization's ES256 key, whose {@code kid} is the
 * DID URL of its JsonWebKey method. The compact JWS is what is stored and returned.
 */
@Service
class VcJwtIssuing {

    private final JwtKeys keys;
    private final JdbcClient jdbc;

    VcJwtIssuing(JwtKeys keys, JdbcClient jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    String sign(Issuer issuer, JsonObject unsigned) {
        // The same refusal of terms only one OB 3.0.3 context copy defines as the Data Integrity path applies.
        return VcJwt.sign(Credentials.requireEmittable(unsigned), keys.signingKey(issuer));
    }

    /** Marks a stored credential as a VC-JWT or SD-JWT VC, in the transaction that stored it. */
    void markStored(CredentialId credential, CredentialFormat format) {
        jdbc.sql("update issued_credential set format = ? where id = ?")
                .params(format.wireName(), credential.value())
                .update();
    }
}
