package org.openler.platform.exchange;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's offer of a credential they hold to an external wallet. One offer is one exchange: a VC-API exchange URL
 * (also as the DCC Learner Credential Wallet's deep link) and an OpenID4VCI credential offer with a pre-authorized
 * code; the first wallet to complete either takes it. It expires after {@link #VALIDITY}.
 */
@Service
public class Offers {

    static final Duration VALIDITY = Duration.ofMinutes(15);
    static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExchangeStore store;
    private final Wallet wallet;
    private final PlatformUrls urls;
    private final AuditLog audit;
    private final Clock clock;

    Offers(ExchangeStore store, Wallet wallet, PlatformUrls urls, AuditLog audit, Clock clock) {
        this.store = store;
        this.wallet = wallet;
        this.urls = urls;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What the learner shows the other wallet. The pre-authorized code and the transaction code are secrets of the
     * moment: only their hashes are kept, so they are shown once.
     */
    public record Offer(
            UUID exchangeId,
            URI exchangeUrl,
            URI lcwDeepLink,
            String credentialOffer,
            URI credentialOfferUri,
            Optional<String> txCode,
            Instant expiresAt) {}

    /**
     * Makes an offer of a credential the learner holds that was issued on this platform. Not found for another
     * learner's credential; refused for an imported one, which this platform cannot issue again.
     */
    @Transactional
    public Offer offer(Actor.Person learner, HeldCredentialId heldCredential, boolean withTxCode) {
        UUID issued = wallet.issuedHere(learner.accountId(), heldCredential)
                .orElseThrow(() -> new PlatformException(
                        Problem.UNPROCESSABLE,
                        "Only a credential issued on OpenLER can be sent to another wallet from here; this one came"
                                + " from elsewhere: download it and add it to the other wallet yourself."));
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String code = SecretTokens.newToken();
        Optional<String> txCode = withTxCode ? Optional.of(sixDigits()) : Optional.empty();
        ExchangeStore.NewOffer offer = new ExchangeStore.NewOffer(
                id,
                learner.accountId(),
                heldCredential.value(),
                issued,
                SecretTokens.newToken(),
                code,
                txCode,
                now,
                now.plus(VALIDITY));
        store.insert(offer);
        audit.record(AuditEvent.success(AuditAction.CREDENTIAL_OFFERED, learner, null, "exchange:" + id));
        URI exchangeUrl = URI.create(urls.base() + "/exchanges/" + id);
        String credentialOffer = credentialOffer(code, txCode.isPresent());
        return new Offer(
                id,
                exchangeUrl,
                lcwDeepLink(exchangeUrl),
                credentialOffer,
                URI.create("openid-credential-offer://?credential_offer=" + encode(credentialOffer)),
                txCode,
                offer.expiresAt());
    }

    /** The credential issuer identifier: its own path, so its metadata cannot collide with the platform's provider. */
    static String credentialIssuer(PlatformUrls urls) {
        return urls.base() + "/oid4vci";
    }

    /** An OpenID4VCI 1.0 credential offer (by value) for both credential configurations. */
    private String credentialOffer(String code, boolean withTxCode) {
        var grant = Jsons.PROVIDER.createObjectBuilder().add("pre-authorized_code", code);
        if (withTxCode) {
            grant.add(
                    "tx_code",
                    Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("input_mode", "numeric")
                            .add("length", 6)
                            .add("description", "The code shown beside the QR code on OpenLER"));
        }
        return StrictJson.write(Jsons.PROVIDER
                .createObjectBuilder()
                .add("credential_issuer", credentialIssuer(urls))
                .add(
                        "credential_configuration_ids",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(CredentialConfigurations.LDP_VC)
                                .add(CredentialConfigurations.JWT_VC_JSON))
                .add("grants", Jsons.PROVIDER.createObjectBuilder().add(PRE_AUTHORIZED_GRANT, grant))
                .build());
    }

    /** The DCC wallet's universal link: a wallet API request naming the VC-API exchange. */
    private URI lcwDeepLink(URI exchangeUrl) {
        String request = StrictJson.write(Jsons.PROVIDER
                .createObjectBuilder()
                .add("credentialRequestOrigin", urls.base())
                .add("protocols", Jsons.PROVIDER.createObjectBuilder().add("vcapi", exchangeUrl.toString()))
                .build());
        return URI.create("https://lcw.app/request?request=" + encode(request));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String sixDigits() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
