package org.openler.platform.status;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.openler.platform.issuers.Issuer;
import org.openler.platform.issuers.JwtKeys;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.status.TokenStatusList;
import org.springframework.stereotype.Service;

/**
 * The IETF Token Status List for the SD-JWT VCs an organization issues (draft-ietf-oauth-status-list): each SD-JWT VC
 * names its revocation index and this list's URL in {@code status.status_list}, and anyone reads its state from the
 * Status List Token served there — a JWT ({@code typ: statuslist+jwt}, ES256 with the organization's JWT key, the
 * key its did:web publishes) whose {@code status_list} holds 2 bits per credential: 0 valid, 1 revoked, 2 suspended.
 */
@Service
class TokenStatusLists {

    static final String MEDIA_TYPE = "application/statuslist+jwt";

    /** How long a verifier may keep a list before fetching it again (seconds; also the HTTP cache's max-age). */
    static final long TTL_SECONDS = 300;

    private final StatusLists statusLists;
    private final JwtKeys keys;
    private final PlatformUrls urls;
    private final Clock clock;

    TokenStatusLists(StatusLists statusLists, JwtKeys keys, PlatformUrls urls, Clock clock) {
        this.statusLists = statusLists;
        this.keys = keys;
        this.urls = urls;
        this.clock = clock;
    }

    /** The URL of the Token Status List beside a revocation list (its Bitstring Status List credential's URL). */
    static String url(String bitstringListUrl) {
        return bitstringListUrl + "/token";
    }

    /** The signed Status List Token for revocation list {@code number}, or empty when there is no such list. */
    Optional<String> token(Issuer issuer, int number) {
        Optional<TokenStatusList> statuses = statusLists.tokenStatuses(issuer.organization(), number);
        if (statuses.isEmpty()) {
            return Optional.empty();
        }
        String uri = url(urls.base() + "/orgs/" + issuer.slug() + "/status/revocation/" + number);
        Instant now = clock.instant();
        String claims = StrictJson.write(Jsons.PROVIDER
                .createObjectBuilder()
                .add("sub", uri)
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(Duration.ofDays(1)).getEpochSecond())
                .add("ttl", TTL_SECONDS)
                .add(
                        "status_list",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("bits", statuses.get().bits())
                                .add("lst", statuses.get().encode()))
                .build());
        ECKey key = keys.signingKey(issuer);
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType("statuslist+jwt"))
                        .keyID(key.getKeyID())
                        .build(),
                new Payload(claims));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("The organization's ES256 key could not sign", e);
        }
        return Optional.of(jws.serialize());
    }
}
