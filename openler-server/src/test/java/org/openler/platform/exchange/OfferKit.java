package org.openler.platform.exchange;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.status.CredentialId;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.WalletKit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A learner holding a credential issued here, and offers of it, made through the real services. */
@Component
class OfferKit {

    final WalletKit walletKit;
    final Claims claims;
    final Offers offers;
    final JdbcClient jdbc;

    OfferKit(WalletKit walletKit, Claims claims, Offers offers, JdbcClient jdbc) {
        this.walletKit = walletKit;
        this.claims = claims;
        this.offers = offers;
        this.jdbc = jdbc;
    }

    /** A learner's held credential: what was issued to their e-mail, and its id in their wallet. */
    record Held(Account learner, WalletKit.Provider provider, Issuance.Issued issued, UUID walletId) {
        Actor.Person actor() {
            return new Actor.Person(learner.id(), AccountKind.LEARNER, false);
        }
    }

    Held held(Account learner) {
        WalletKit.Provider provider = walletKit.provider("Crane Operation");
        Issuance.Issued issued = walletKit.issue(provider, learner.email().value());
        return new Held(learner, provider, issued, claims.placeForDemo(learner.id(), issued.id()));
    }

    Offers.Offer offer(Held held, boolean txCode) {
        return offers.offer(held.actor(), new HeldCredentialId(held.walletId()), txCode);
    }

    void expire(Offers.Offer offer) {
        jdbc.sql("update credential_exchange set expires_at = expires_at - interval '1 hour' where id = ?")
                .param(offer.exchangeId())
                .update();
    }

    /** Issued credentials re-issued from the original, as the provider's records show them. */
    int reissuedFrom(CredentialId original) {
        return jdbc.sql("select count(*) from issued_credential where reissued_from = ?")
                .param(original.value())
                .query(Integer.class)
                .single();
    }

    static HttpResponse<String> postJson(WebClient web, String path, String json) {
        return web.postJson(path, json);
    }
}
