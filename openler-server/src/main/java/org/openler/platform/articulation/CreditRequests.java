package org.openler.platform.articulation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.articulation.ArticulationRule.Course;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.sharing.Share;
import org.openler.platform.sharing.ShareId;
import org.openler.platform.sharing.Shares;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learners' credit requests and the college's answers. A request shares only the credentials the rule needs (the
 * sharing feature: party the college, purpose credit evaluation), verifies them with the platform's verifier, and
 * waits in the college's queue, unless the rule is automatic and everything verified and every condition is met:
 * then it is approved at once. Approval issues one Open Badges 3.0 credential per course (the course as the
 * achievement, the credit hours as {@code creditsEarned} and a result, the source credential as evidence) into the
 * learner's wallet, and appends an {@code articulation.awarded} entry to the public log, all in one transaction.
 * Asking twice for the same rule answers the first request: one request, one award.
 */
@Service
public class CreditRequests {

    /** The purpose every credit share states. */
    public static final String PURPOSE = "Credit evaluation";

    private final JdbcClient jdbc;
    private final ArticulationRules rules;
    private final Wallet wallet;
    private final Shares shares;
    private final RequestVerification verification;
    private final CreditRequestReads reads;
    private final CreditAwards awards;
    private final CreditOffers offers;
    private final Clock clock;

    CreditRequests(
            JdbcClient jdbc,
            ArticulationRules rules,
            Wallet wallet,
            Shares shares,
            RequestVerification verification,
            CreditRequestReads reads,
            CreditAwards awards,
            CreditOffers offers,
            Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.wallet = wallet;
        this.shares = shares;
        this.verification = verification;
        this.reads = reads;
        this.awards = awards;
        this.offers = offers;
        this.clock = clock;
    }

    public enum Status {
        PENDING,
        APPROVED,
        DECLINED
    }

    /** A request as learner and college see it. */
    public record CreditRequest(
            UUID id,
            UUID rule,
            int ruleVersion,
            String college,
            String collegeName,
            String sourceName,
            List<Course> courses,
            BigDecimal credits,
            Status status,
            boolean verified,
            String verification,
            @Nullable String reason,
            List<String> credentials,
            List<UUID> awarded,
            Instant requestedAt,
            @Nullable Instant decidedAt,
            @Nullable String learnerName) {}

    /** A request and whether it was made now (false: asked before, this is the first answer again). */
    public record Outcome(CreditRequest request, boolean created) {}

    /** A held credential and what a published rule would give for it. */
    public record Offer(HeldCredential credential, ArticulationRule rule, Optional<CreditRequest> requested) {}

    /**
     * The learner asks a college for the credit a rule gives. {@code credential} names which held credential (empty:
     * the first that qualifies).
     */
    @Transactional
    public Outcome request(AccountId learner, UUID ruleId, Optional<UUID> credential) {
        // one learner's requests one after another: asking twice at once still makes one request
        jdbc.sql("select id from account where id = ? for update")
                .param(learner.value())
                .query(UUID.class)
                .optional();
        Optional<CreditRequest> earlier = reads.byRule(learner, ruleId);
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), false);
        }
        ArticulationRule rule = rules.find(ruleId)
                .filter(r -> r.status() != ArticulationRule.Status.DRAFT)
                .orElseThrow(() -> PlatformException.notFound("The rule"));
        if (!rule.inEffect(today())) {
            throw PlatformException.conflict("This rule is withdrawn or not in effect today: it gives no new credit.");
        }
        List<HeldCredential> held = wallet.list(learner, false);
        Map<UUID, String> documents = new LinkedHashMap<>();
        List<HeldCredential> qualifying = new ArrayList<>();
        for (HeldCredential h : held) {
            if (credential.isPresent() && !credential.get().equals(h.id())) {
                continue;
            }
            String document = wallet.document(learner, new HeldCredentialId(h.id()));
            documents.put(h.id(), document);
            if (SourceMatch.matches(rule.source(), h, document)) {
                qualifying.add(h);
            }
        }
        if (credential.isPresent() && !documents.containsKey(credential.get())) {
            throw PlatformException.invalid("credential", "No such credential in your wallet.");
        }
        if (qualifying.isEmpty()) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE,
                    credential.isPresent()
                            ? "This credential is not what the rule gives credit for ("
                                    + rule.source().name() + ")."
                            : "You hold no credential this rule gives credit for ("
                                    + rule.source().name() + ").");
        }
        HeldCredential source = qualifying.getFirst();
        List<HeldCredential> needed = new ArrayList<>(List.of(source));
        for (String also : rule.conditions().alsoRequires()) {
            HeldCredential other = held.stream()
                    .filter(h -> h.name().equalsIgnoreCase(also))
                    .findFirst()
                    .orElseThrow(() -> new PlatformException(
                            Problem.UNPROCESSABLE, "The rule also asks for \"" + also + "\", which you do not hold."));
            needed.add(other);
        }
        Optional<String> unmet = SourceMatch.unmetDates(rule.conditions(), source, today());
        if (unmet.isPresent()) {
            throw new PlatformException(Problem.UNPROCESSABLE, unmet.get());
        }
        RequestVerification.Checked checked = verification.verify(learner, needed);
        Share share = shares.create(
                        learner,
                        new Shares.NewShare(
                                needed.stream().map(HeldCredential::id).toList(),
                                rule.collegeName(),
                                PURPOSE + ": "
                                        + ArticulationRules.cut(rule.source().name(), 150),
                                Optional.of(today().plusDays(180))))
                .share();
        UUID id = UUID.randomUUID();
        Instant now = now();
        jdbc.sql("insert into articulation_request (id, account_id, rule_id, rule_version, organization_id,"
                        + " credential_id, credentials, share_id, status, verified, verification, requested_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)")
                .params(
                        id,
                        learner.value(),
                        rule.id(),
                        rule.version(),
                        rule.organization().value(),
                        source.id(),
                        ids(needed),
                        share.id(),
                        checked.verified(),
                        ArticulationRules.cut(checked.summary(), 1000),
                        Timestamp.from(now))
                .update();
        boolean resultKnown = rule.conditions().minimumResult().isEmpty()
                || SourceMatch.meetsMinimum(
                        documents.get(source.id()),
                        rule.conditions().minimumResult().get());
        if (rule.automatic() && checked.verified() && resultKnown) {
            approve(rule.organization(), id, new Actor.Machine("articulation-automatic", rule.organization()));
        }
        return new Outcome(reads.get(id), true);
    }

    /** The college approves: one credential per course, into the learner's wallet, logged. Approving twice is one. */
    @Transactional
    public CreditRequest approve(OrganizationId college, UUID id, Actor by) {
        return awards.approve(college, id, by);
    }

    @Transactional
    public CreditRequest decline(OrganizationId college, UUID id, String reason) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw PlatformException.invalid("reason", "Say why (up to 2000 characters): the learner reads it.");
        }
        CreditRequestReads.Row row = reads.lock(college, id);
        if (row.status() == Status.DECLINED) {
            return reads.get(id);
        }
        if (row.status() == Status.APPROVED) {
            throw PlatformException.conflict("This request was approved; credit awarded stays awarded.");
        }
        jdbc.sql("update articulation_request set status = 'DECLINED', reason = ?, decided_at = ? where id = ?")
                .params(why, Timestamp.from(now()), id)
                .update();
        return reads.get(id);
    }

    /** Verifies the shared credentials again (the queue's one step), while the learner's share is still active. */
    @Transactional
    public CreditRequest verifyAgain(OrganizationId college, UUID id) {
        CreditRequestReads.Row row = reads.lock(college, id);
        RequestVerification.Checked checked = verification.verify(row.account(), shared(row));
        jdbc.sql("update articulation_request set verified = ?, verification = ? where id = ?")
                .params(checked.verified(), ArticulationRules.cut(checked.summary(), 1000), id)
                .update();
        return reads.get(id);
    }

    /** The credentials of the request, through the learner's share: a revoked or expired share ends the evaluation. */
    private List<HeldCredential> shared(CreditRequestReads.Row row) {
        if (row.share() == null) {
            throw PlatformException.conflict("The learner shared nothing for this request.");
        }
        Share share = shares.get(row.account(), new ShareId(row.share()));
        if (share.status() != Share.Status.ACTIVE) {
            throw PlatformException.conflict("The learner's share for this request is no longer active.");
        }
        return share.items().stream()
                .filter(i -> i.credentialId() != null)
                .map(i -> wallet.get(row.account(), new HeldCredentialId(i.credentialId())))
                .toList();
    }

    public List<CreditRequest> mine(AccountId learner) {
        return reads.mine(learner);
    }

    public List<CreditRequest> queue(OrganizationId college, Optional<Status> status) {
        return reads.queue(college, status);
    }

    /** One request of the college's queue, with the learner's name (they asked this college for credit). */
    public CreditRequest inQueue(OrganizationId college, UUID id) {
        return reads.inQueue(college, id);
    }

    /**
     * What the learner's held credentials are worth: every published rule in effect whose source one of them is, with
     * the learner's request for it if any. Only credentials that verify now count.
     */
    public List<Offer> offers(AccountId learner) {
        return offers.offers(learner);
    }

    /** Whose request this is, for the college that holds it. */
    public AccountId learnerOf(OrganizationId college, UUID id) {
        return jdbc.sql("select account_id from articulation_request where id = ? and organization_id = ?")
                .params(id, college.value())
                .query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credit request"));
    }

    public CreditRequest get(UUID id) {
        return reads.get(id);
    }

    public CreditRequest mine(AccountId learner, UUID id) {
        return reads.mine(learner, id);
    }

    private static String ids(List<HeldCredential> credentials) {
        var array = RuleDraft.JSON.createArrayNode();
        credentials.forEach(c -> array.add(c.id().toString()));
        return array.toString();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
