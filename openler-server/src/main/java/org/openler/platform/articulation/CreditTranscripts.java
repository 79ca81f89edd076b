package org.openler.platform.articulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.issuing.ClrIssuance;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.organizations.Organization;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.wallet.Claims;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CLR 2.0 transcript of everything a college awarded a learner by articulation: one {@code ClrCredential}, signed by
 * the college (issuing's {@link ClrIssuance}), bundling exactly as they were signed the active credit credentials of
 * the learner's approved requests there, each with its course as the achievement, its credit hours, result and the
 * source credential as evidence. It goes into the learner's wallet. Asked again with nothing new awarded, it is the
 * same transcript (the idempotency key names the awards it bundles); after a new award, a new one.
 */
@Service
public class CreditTranscripts {

    private final JdbcClient jdbc;
    private final ClrIssuance clr;
    private final Issuers issuers;
    private final AccountService accounts;
    private final Claims claims;

    CreditTranscripts(JdbcClient jdbc, ClrIssuance clr, Issuers issuers, AccountService accounts, Claims claims) {
        this.jdbc = jdbc;
        this.clr = clr;
        this.issuers = issuers;
        this.accounts = accounts;
        this.claims = claims;
    }

    /** The transcript, and whether it was issued now (false: the same awards were bundled before). */
    public record Transcript(UUID id, String document, int courses, boolean replayed) {}

    /** The transcript of the credit this college awarded the learner, issued by the college, into their wallet. */
    @Transactional
    public Transcript issue(Organization college, AccountId learner, Actor by) {
        // one learner's transcripts one after another: asking twice at once issues one
        jdbc.sql("select id from account where id = ? for update")
                .param(learner.value())
                .query(UUID.class)
                .optional();
        List<UUID> awarded = jdbc.sql("select a.credential_id from articulation_award a join articulation_request q"
                        + " on q.id = a.request_id where q.organization_id = ? and q.account_id = ?"
                        + " and q.status = 'APPROVED' order by a.awarded_at, a.request_id, a.position")
                .params(college.id().value(), learner.value())
                .query(UUID.class)
                .list();
        if (awarded.isEmpty()) {
            throw PlatformException.notFound("Credit awarded by " + college.name() + " to this learner");
        }
        Account account = accounts.find(learner).orElseThrow();
        // every award revoked or expired: ClrIssuance answers 404, nothing active to bundle
        Issuance.Issued issued = clr.issue(
                issuers.of(college),
                new ClrIssuance.Request(
                        new Issuance.To.Email(account.email().value()),
                        Optional.of(key(learner, awarded)),
                        Optional.of("Transcript of credit by articulation from " + college.name()),
                        new LinkedHashSet<>(awarded)),
                by);
        if (!issued.replayed()) {
            claims.placeRequested(learner, issued.id().value());
        }
        int courses = (int) awarded.stream()
                .filter(id -> issued.document().contains("urn:uuid:" + id))
                .count();
        return new Transcript(issued.id().value(), issued.document(), courses, issued.replayed());
    }

    /** Names the learner and the awards bundled: the same awards give the same key, a new award a new one. */
    private static String key(AccountId learner, List<UUID> awarded) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(learner.value().toString().getBytes(StandardCharsets.UTF_8));
            awarded.forEach(id -> sha.update(id.toString().getBytes(StandardCharsets.UTF_8)));
            return "articulation-transcript:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
