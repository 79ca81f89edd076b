package org.openler.platform.articulation;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.articulation.ArticulationRule.Course;
import org.openler.platform.articulation.CreditRequests.CreditRequest;
import org.openler.platform.articulation.CreditRequests.Status;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.transparency.LogEvent;
import org.openler.platform.transparency.TransparencyLog;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The award of an approved request, in one transaction: one Open Badges 3.0 credential per course (the course as the
 * achievement, the credit hours as {@code creditsEarned} and a result, the source credential as evidence) issued by
 * the college into the learner's wallet, and an {@code articulation.awarded} entry in the public log for each. The
 * idempotency key {@code articulation:<request>:<course>} makes a retried approval issue nothing new.
 */
@Component
class CreditAwards {

    private static final Logger log = LoggerFactory.getLogger(CreditAwards.class);

    private final JdbcClient jdbc;
    private final CreditRequestReads reads;
    private final ArticulationRules rules;
    private final Wallet wallet;
    private final Issuance issuance;
    private final Issuers issuers;
    private final Achievements achievements;
    private final Claims claims;
    private final AccountService accounts;
    private final OrganizationService organizations;
    private final TransparencyLog transparencyLog;
    private final Clock clock;

    CreditAwards(
            JdbcClient jdbc,
            CreditRequestReads reads,
            ArticulationRules rules,
            Wallet wallet,
            Issuance issuance,
            Issuers issuers,
            Achievements achievements,
            Claims claims,
            AccountService accounts,
            OrganizationService organizations,
            TransparencyLog transparencyLog,
            Clock clock) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.rules = rules;
        this.wallet = wallet;
        this.issuance = issuance;
        this.issuers = issuers;
        this.achievements = achievements;
        this.claims = claims;
        this.accounts = accounts;
        this.organizations = organizations;
        this.transparencyLog = transparencyLog;
        this.clock = clock;
    }

    /** The college approves: one credential per course, into the learner's wallet, logged. Approving twice is one. */
    @Transactional
    CreditRequest approve(OrganizationId college, UUID id, Actor by) {
        CreditRequestReads.Row row = reads.lock(college, id);
        if (row.status() == Status.APPROVED) {
            return reads.get(id);
        }
        if (row.status() == Status.DECLINED) {
            throw PlatformException.conflict("This request was declined; the learner may ask again.");
        }
        if (!row.verified()) {
            throw PlatformException.conflict("The learner's credentials have not verified; verify them first.");
        }
        ArticulationRule rule = rules.version(row.rule(), row.ruleVersion())
                .map(d -> RuleDocuments.read(college, d))
                .orElseThrow();
        Organization organization = organizations.find(college).orElseThrow();
        Account learner = accounts.find(row.account()).orElseThrow();
        String sourceDocument = wallet.document(row.account(), new HeldCredentialId(row.credential()));
        HeldCredential source = wallet.get(row.account(), new HeldCredentialId(row.credential()));
        Optional<URI> sourceId = SourceMatch.credentialId(sourceDocument);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int position = 0;
        for (Course course : rule.courses()) {
            AchievementDefinition achievement = courseAchievement(organization, course, by);
            Issuance.Issued issued = issuance.issue(
                    issuers.of(organization),
                    new Issuance.Request(
                            achievement.id(),
                            new Issuance.To.Email(learner.email().value()),
                            Optional.empty(),
                            Optional.of("articulation:" + id + ":" + position)),
                    new Issuance.Extras(
                            Optional.of(course.creditHours()),
                            List.of(course.creditHours().stripTrailingZeros().toPlainString() + " "
                                    + course.creditType() + " credit hours (" + course.level() + ")"),
                            List.of(new Issuance.Evidence(
                                    sourceId,
                                    source.name(),
                                    "Credit by articulation: " + source.name() + " from " + source.issuerName()
                                            + ", verified, under " + organization.name() + "'s rule " + rule.id()
                                            + " (version " + rule.version() + ", approved by " + rule.approvedBy()
                                            + ")."))),
                    by);
            claims.placeRequested(row.account(), issued.id().value());
            transparencyLog.append(new LogEvent.ArticulationAwarded(
                    issued.id().value(),
                    rule.id(),
                    rule.version(),
                    course.creditHours().stripTrailingZeros().toPlainString()));
            jdbc.sql("insert into articulation_award (request_id, position, credential_id, credit_hours, awarded_at)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(id, position, issued.id().value(), course.creditHours(), Timestamp.from(now))
                    .update();
            position++;
        }
        jdbc.sql("update articulation_request set status = 'APPROVED', decided_at = ? where id = ?")
                .params(Timestamp.from(now), id)
                .update();
        log.info("Credit request {} approved: {} credentials issued", id, position);
        return reads.get(id);
    }

    /** The college's achievement for a course, defined on first award. */
    private AchievementDefinition courseAchievement(Organization college, Course course, Actor by) {
        String name = ArticulationRules.cut(course.code() + ": " + course.title(), 300);
        return achievements.list(college.id()).stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseGet(() -> achievements.create(
                        college.id(),
                        new Achievements.Draft(
                                name,
                                "College credit for " + course.code() + " " + course.title() + " at " + college.name()
                                        + ": "
                                        + course.creditHours()
                                                .stripTrailingZeros()
                                                .toPlainString() + " "
                                        + course.creditType() + " credit hours, " + course.level() + ".",
                                "Awarded by articulation: a verified credential that the college's published credit"
                                        + " rule names.",
                                "Course",
                                "",
                                List.of()),
                        by));
    }
}
