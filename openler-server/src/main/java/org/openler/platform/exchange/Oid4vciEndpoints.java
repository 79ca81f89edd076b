package org.openler.platform.exchange;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openler.platform.issuing.CredentialFormat;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.problems.PlatformException;
import org.openler.standards.StandardsException;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenID for Verifiable Credential Issuance 1.0, pre-authorized code flow. The credential issuer is
 * {@code <base>/oid4vci} and its own authorization server; its access tokens are opaque, short-lived, stored only as
 * hashes and good for one offer — nothing to do with the platform's sessions or OAuth clients.
 */
@RestController
class Oid4vciEndpoints {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);
    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    private final ExchangeStore store;
    private final Delivery delivery;
    private final PlatformUrls urls;
    private final Clock clock;

    Oid4vciEndpoints(ExchangeStore store, Delivery delivery, PlatformUrls urls, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.urls = urls;
        this.clock = clock;
    }

    /** The metadata, at the well-known address with the issuer's path inserted (§12.2.2) and at the bare one. */
    @GetMapping(
            value = {"/.well-known/openid-credential-issuer/oid4vci", "/.well-known/openid-credential-issuer"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    ResponseEntity<String> issuerMetadata() {
        return ResponseEntity.ok(StrictJson.write(CredentialConfigurations.issuerMetadata(urls)));
    }

    @GetMapping(value = "/.well-known/oauth-authorization-server/oid4vci", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    ResponseEntity<String> authorizationServerMetadata() {
        return ResponseEntity.ok(StrictJson.write(CredentialConfigurations.authorizationServerMetadata(urls)));
    }

    /** The token endpoint: the pre-authorized code (and the transaction code, when the offer has one) for a token. */
    @PostMapping(
            value = "/oid4vci/token",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    @Transactional
    ResponseEntity<Map<String, Object>> token(@RequestParam Map<String, String> form) {
        if (!Offers.PRE_AUTHORIZED_GRANT.equals(form.get("grant_type"))) {
            throw OAuthError.badRequest(
                    "unsupported_grant_type", "Only the pre-authorized code grant is supported here.");
        }
        String code = form.getOrDefault("pre-authorized_code", "");
        if (code.isEmpty() || code.length() > 100) {
            throw OAuthError.badRequest("invalid_request", "Send the pre-authorized_code from the credential offer.");
        }
        ExchangeStore.Row row = store.byPreAuthorizedCode(code)
                .orElseThrow(() -> OAuthError.badRequest("invalid_grant", "The pre-authorized code is not valid."));
        Instant now = clock.instant();
        if (row.expired(now) || row.completedAt() != null || row.accessTokenExpiresAt() != null) {
            throw OAuthError.badRequest("invalid_grant", "The pre-authorized code has expired or was used.");
        }
        if (row.txCodeHash() != null) {
            String txCode = form.getOrDefault("tx_code", "");
            if (txCode.isEmpty()
                    || txCode.length() > 20
                    || !SecretTokens.hash(txCode).equals(row.txCodeHash())) {
                throw OAuthError.badRequest("invalid_grant", "The transaction code is missing or wrong.");
            }
        }
        String token = SecretTokens.newToken();
        Instant expires =
                now.plus(TOKEN_LIFETIME).isBefore(row.expiresAt()) ? now.plus(TOKEN_LIFETIME) : row.expiresAt();
        store.grantAccessToken(row.id(), token, expires);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", Duration.between(now, expires).toSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /** A fresh c_nonce for a key proof; each is taken by one proof. */
    @PostMapping(value = "/oid4vci/nonce", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    @Transactional
    ResponseEntity<Map<String, String>> nonce() {
        String nonce = SecretTokens.newToken();
        store.addNonce(nonce, clock.instant().plus(NONCE_LIFETIME));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("c_nonce", nonce));
    }

    /** The credential endpoint: the offered credential, issued to the DID whose key signed the proof. */
    @PostMapping(
            value = "/oid4vci/credential",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    @Transactional
    ResponseEntity<String> credential(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) Optional<String> authorization,
            @RequestBody byte[] body) {
        String token = authorization
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .filter(t -> !t.isEmpty() && t.length() <= 100)
                .orElseThrow(() -> OAuthError.invalidToken("Send the access token from the token endpoint."));
        Instant now = clock.instant();
        ExchangeStore.Row row = store.byAccessToken(token)
                .filter(r -> r.accessTokenExpiresAt() != null
                        && r.accessTokenExpiresAt().isAfter(now))
                .orElseThrow(() -> OAuthError.invalidToken("The access token is not valid or has expired."));
        JsonObject request;
        try {
            request = StrictJson.parseObject(body);
        } catch (StandardsException e) {
            throw OAuthError.badRequest("invalid_credential_request", "The request is not a JSON object.");
        }
        String configuration = request.get("credential_configuration_id") instanceof JsonString s ? s.getString() : "";
        if (configuration.isEmpty()) {
            throw OAuthError.badRequest(
                    "invalid_credential_request", "Name the credential_configuration_id from the offer.");
        }
        CredentialFormat format = CredentialConfigurations.format(configuration)
                .orElseThrow(() -> OAuthError.badRequest(
                        "unknown_credential_configuration", "This issuer offers no such credential configuration."));
        String proof = onlyJwtProof(request);
        ProofOfPossession.Verified verified = ProofOfPossession.verify(proof, Offers.credentialIssuer(urls), now);
        // Taken in the transaction that delivers: a proof is good once, for the credential it was made for.
        if (!store.takeNonce(verified.nonce(), now)) {
            throw OAuthError.badRequest(
                    "invalid_nonce",
                    "The proof's nonce is unknown, expired or used: get a new one from the nonce endpoint.");
        }
        String credential;
        try {
            credential = delivery.deliver(row, verified.holder(), format, "OID4VCI");
        } catch (PlatformException e) {
            throw OAuthError.badRequest("credential_request_denied", e.detail());
        }
        JsonValue issued = format == CredentialFormat.LDP
                ? StrictJson.parseObject(credential)
                : Jsons.PROVIDER.createValue(credential);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(StrictJson.write(Jsons.PROVIDER
                        .createObjectBuilder()
                        .add(
                                "credentials",
                                Jsons.PROVIDER
                                        .createArrayBuilder()
                                        .add(Jsons.PROVIDER
                                                .createObjectBuilder()
                                                .add("credential", issued)))
                        .build()));
    }

    private static String onlyJwtProof(JsonObject request) {
        if (!(request.get("proofs") instanceof JsonObject proofs)) {
            throw OAuthError.badRequest(
                    "invalid_proof", "Send a key proof in proofs.jwt (an array with one openid4vci-proof+jwt).");
        }
        if (proofs.size() != 1
                || !(proofs.get("jwt") instanceof JsonArray jwts)
                || jwts.size() != 1
                || !(jwts.get(0) instanceof JsonString jwt)) {
            throw OAuthError.badRequest(
                    "invalid_proof", "Exactly one proof is accepted, of type jwt: proofs.jwt with one element.");
        }
        return jwt.getString();
    }
}
