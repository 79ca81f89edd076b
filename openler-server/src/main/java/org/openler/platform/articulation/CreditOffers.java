package org.openler.platform.articulation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.articulation.CreditRequests.CreditRequest;
import org.openler.platform.articulation.CreditRequests.Offer;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** "Worth N credits at …": which published rules in effect the learner's held credentials satisfy. */
@Component
class CreditOffers {

    private final JdbcClient jdbc;
    private final Wallet wallet;
    private final CreditRequestReads reads;
    private final Clock clock;

    CreditOffers(JdbcClient jdbc, Wallet wallet, CreditRequestReads reads, Clock clock) {
        this.jdbc = jdbc;
        this.wallet = wallet;
        this.reads = reads;
        this.clock = clock;
    }

    /**
     * What the learner's held credentials are worth: every published rule in effect whose source one of them is, with
     * the learner's request for it if any. Only credentials that verify now count.
     */
    List<Offer> offers(AccountId learner) {
        List<HeldCredential> held = wallet.list(learner, false);
        if (held.isEmpty()) {
            return List.of();
        }
        List<ArticulationRule> candidates = jdbc
                .sql("select organization_id, document from articulation_rule"
                        + " where status = 'PUBLISHED' order by total_credits desc, id")
                .query(ArticulationRules::rule)
                .list()
                .stream()
                .filter(r -> r.inEffect(today()))
                .toList();
        Map<UUID, CreditRequest> requested = new LinkedHashMap<>();
        reads.mine(learner).forEach(r -> requested.put(r.rule(), r));
        List<Offer> offers = new ArrayList<>();
        for (HeldCredential h : held) {
            String document = null;
            for (ArticulationRule rule : candidates) {
                boolean byName = rule.source().name().equalsIgnoreCase(h.name());
                if (!byName && rule.source().ctid().isEmpty()) {
                    continue;
                }
                if (document == null) {
                    document = wallet.document(learner, new HeldCredentialId(h.id()));
                }
                if (SourceMatch.matches(rule.source(), h, document)
                        && SourceMatch.unmetDates(rule.conditions(), h, today()).isEmpty()) {
                    offers.add(new Offer(h, rule, Optional.ofNullable(requested.get(rule.id()))));
                }
            }
        }
        return offers;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
