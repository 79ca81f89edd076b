package org.openler.platform.exchange;

import java.time.Clock;
import java.time.Instant;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.issuing.CredentialFormat;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.status.CredentialId;
import org.openler.standards.did.Did;
import org.springframework.stereotype.Component;

/**
 * The end of either protocol: the credential issued again to the wallet's DID by the organization that issued it, and
 * the offer marked used. Called inside the protocol's transaction with the offer's row locked, so two wallets racing
 * for one offer are served one after the other: the first takes it, the second is refused.
 */
@Component
class Delivery {

    private final Issuance issuance;
    private final ExchangeStore store;
    private final AuditLog audit;
    private final Clock clock;

    Delivery(Issuance issuance, ExchangeStore store, AuditLog audit, Clock clock) {
        this.issuance = issuance;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses an offer that was taken or expired, before a wallet is asked to prove anything. */
    void checkUnused(ExchangeStore.Row row) {
        if (row.completedAt() != null) {
            throw new PlatformException(Problem.GONE, "This offer was already used by a wallet.");
        }
        if (row.expired(clock.instant())) {
            throw expired();
        }
    }

    static PlatformException expired() {
        return new PlatformException(
                Problem.GONE, "This offer has expired. Make a new one from the credential's page in your wallet.");
    }

    /** Refuses an offer that expired or was taken; a retry by the wallet that took it is let through. */
    void checkOpen(ExchangeStore.Row row, Did holder, CredentialFormat format) {
        if (row.completedAt() != null) {
            if (!(holder.value().equals(row.holderDid()) && format.wireName().equals(row.deliveredFormat()))) {
                throw new PlatformException(Problem.GONE, "This offer was already used by a wallet.");
            }
            return;
        }
        if (row.expired(clock.instant())) {
            throw expired();
        }
    }

    /** The credential issued to the holder (the same one on a retry), as its exact signed bytes. */
    String deliver(ExchangeStore.Row row, Did holder, CredentialFormat format, String protocol) {
        checkOpen(row, holder, format);
        // The learner asked for it when they made the offer; the wallet only proved which DID to bind it to.
        Actor learner = new Actor.Person(row.owner(), AccountKind.LEARNER, false);
        Issuance.Issued issued = issuance.reissue(
                new CredentialId(row.issuedCredential()), holder, format, "exchange:" + row.id(), learner);
        if (row.completedAt() == null) {
            Instant now = clock.instant();
            store.complete(
                    row.id(),
                    protocol,
                    holder.value(),
                    format.wireName(),
                    issued.id().value(),
                    now);
            audit.record(AuditEvent.success(AuditAction.CREDENTIAL_DELIVERED, learner, null, "exchange:" + row.id())
                    .withDetail(protocol + " credential:" + issued.id()));
        }
        return issued.document();
    }
}
