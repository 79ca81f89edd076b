package org.openler.platform.articulation;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.articulation.ArticulationRule.Course;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.sharing.Share;
import org.openler.platform.sharing.ShareId;
import org.openler.platform.sharing.Shares;
import org.openler.platform.transparency.LogEvent;
import org.openler.platform.transparency.TransparencyLog;
import org.openler.platform.verification.Verification;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.openler.standards.json.StrictJson;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.VerificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(CreditRequests.class);

    /** The purpose every credit share states. */
    public static final String PURPOSE = "Credit evaluation";

    private final JdbcClient jdbc;
    private final ArticulationRules rules;
    private final Wallet wallet;
    private final Shares shares;
    private final Verification verification;
    private final Issuance issuance;
    private final Issuers issuers;
    private final Achievements achievements;
    private final Claims claims;
    private final AccountService accounts;
    private final OrganizationService organizations;
    private final TransparencyLog transparencyLog;
    private final Clock clock;

    CreditRequests(
            JdbcClient jdbc,
            ArticulationRules rules,
            Wallet wallet,
            Shares shares,
            Verification verification,
            Issuance issuance,
            Issuers issuers,
            Achievements achievements,
            Claims claims,
            AccountService accounts,
            OrganizationService organizations,
            TransparencyLog transparencyLog,
            Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.wallet = wallet;
        this.shares = shares;
        this.verification = verification;
        this.issuance = issuance;
        this.issuers = issuers;
        this.achievements = achievements;
        this.claims = claims;
        this.accounts = accounts;
        this.organizations = organizations;
        this.transparencyLog = transparencyLog;
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
        Optional<CreditRequest> earlier = byRule(learner, ruleId);
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
        Checked checked = verify(learner, needed);
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
        return new Outcome(get(id), true);
    }

    /** The college approves: one credential per course, into the learner's wallet, logged. Approving twice is one. */
    @Transactional
    public CreditRequest approve(OrganizationId college, UUID id, Actor by) {
        Row row = lock(college, id);
        if (row.status() == Status.APPROVED) {
            return get(id);
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
        Instant now = now();
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
        return get(id);
    }

    @Transactional
    public CreditRequest decline(OrganizationId college, UUID id, String reason) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw PlatformException.invalid("reason", "Say why (up to 2000 characters): the learner reads it.");
        }
        Row row = lock(college, id);
        if (row.status() == Status.DECLINED) {
            return get(id);
        }
        if (row.status() == Status.APPROVED) {
            throw PlatformException.conflict("This request was approved; credit awarded stays awarded.");
        }
        jdbc.sql("update articulation_request set status = 'DECLINED', reason = ?, decided_at = ? where id = ?")
                .params(why, Timestamp.from(now()), id)
                .update();
        return get(id);
    }

    /** Verifies the shared credentials again (the queue's one step), while the learner's share is still active. */
    @Transactional
    public CreditRequest verifyAgain(OrganizationId college, UUID id) {
        Row row = lock(college, id);
        Checked checked = verify(row.account(), shared(row));
        jdbc.sql("update articulation_request set verified = ?, verification = ? where id = ?")
                .params(checked.verified(), ArticulationRules.cut(checked.summary(), 1000), id)
                .update();
        return get(id);
    }

    /** The credentials of the request, through the learner's share: a revoked or expired share ends the evaluation. */
    private List<HeldCredential> shared(Row row) {
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
        return jdbc.sql(SELECT + " where q.account_id = ? order by q.requested_at desc")
                .param(learner.value())
                .query(this::view)
                .list();
    }

    public List<CreditRequest> queue(OrganizationId college, Optional<Status> status) {
        return jdbc
                .sql(SELECT + " where q.organization_id = ?" + (status.isPresent() ? " and q.status = ?" : "")
                        + " order by q.requested_at")
                .params(
                        status.isPresent()
                                ? List.of(college.value(), status.get().name())
                                : List.of(college.value()))
                .query(this::view)
                .list()
                .stream()
                .map(r -> withLearner(college, r))
                .toList();
    }

    /** One request of the college's queue, with the learner's name (they asked this college for credit). */
    public CreditRequest inQueue(OrganizationId college, UUID id) {
        return jdbc.sql(SELECT + " where q.organization_id = ? and q.id = ?")
                .params(college.value(), id)
                .query(this::view)
                .optional()
                .map(r -> withLearner(college, r))
                .orElseThrow(() -> PlatformException.notFound("The credit request"));
    }

    private CreditRequest withLearner(OrganizationId college, CreditRequest r) {
        String name = jdbc.sql("select a.display_name from articulation_request q join account a on a.id = q.account_id"
                        + " where q.id = ?")
                .param(r.id())
                .query(String.class)
                .optional()
                .orElse("");
        return new CreditRequest(
                r.id(),
                r.rule(),
                r.ruleVersion(),
                r.college(),
                r.collegeName(),
                r.sourceName(),
                r.courses(),
                r.credits(),
                r.status(),
                r.verified(),
                r.verification(),
                r.reason(),
                r.credentials(),
                r.awarded(),
                r.requestedAt(),
                r.decidedAt(),
                name);
    }

    /**
     * What the learner's held credentials are worth: every published rule in effect whose source one of them is, with
     * the learner's request for it if any. Only credentials that verify now count.
     */
    public List<Offer> offers(AccountId learner) {
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
        mine(learner).forEach(r -> requested.put(r.rule(), r));
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

    public CreditRequest get(UUID id) {
        return jdbc.sql(SELECT + " where q.id = ?")
                .param(id)
                .query(this::view)
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credit request"));
    }

    public CreditRequest mine(AccountId learner, UUID id) {
        return jdbc.sql(SELECT + " where q.id = ? and q.account_id = ?")
                .params(id, learner.value())
                .query(this::view)
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credit request"));
    }

    private Optional<CreditRequest> byRule(AccountId learner, UUID rule) {
        return jdbc.sql(SELECT + " where q.account_id = ? and q.rule_id = ?")
                .params(learner.value(), rule)
                .query(this::view)
                .optional();
    }

    record Checked(boolean verified, String summary) {}

    private Checked verify(AccountId learner, List<HeldCredential> credentials) {
        List<String> notes = new ArrayList<>();
        boolean all = true;
        for (HeldCredential h : credentials) {
            String document = wallet.document(learner, new HeldCredentialId(h.id()));
            Optional<VerificationReport> report = switch (h.format()) {
                case DATA_INTEGRITY ->
                    Optional.of(verification.verifyCredential(document.getBytes(StandardCharsets.UTF_8)));
                case VC_JWT -> Optional.of(verification.verifyJwt(document.strip()));
                default -> Optional.empty();
            };
            if (report.isEmpty()) {
                all = false;
                notes.add(h.name() + ": this format is checked by hand.");
            } else if (report.get().verified()) {
                notes.add(h.name() + ": verified (" + report.get().results().size() + " checks passed).");
            } else {
                all = false;
                notes.add(h.name() + ": "
                        + report.get().firstFailure().map(CheckResult::message).orElse("did not verify") + ".");
            }
        }
        return new Checked(all, String.join(" ", notes));
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

    record Row(
            UUID id,
            AccountId account,
            UUID rule,
            int ruleVersion,
            UUID credential,
            @Nullable UUID share,
            Status status,
            boolean verified) {}

    private Row lock(OrganizationId college, UUID id) {
        return jdbc.sql("select id, account_id, rule_id, rule_version, credential_id, share_id, status, verified"
                        + " from articulation_request where id = ? and organization_id = ? for update")
                .params(id, college.value())
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        new AccountId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class),
                        rs.getInt(4),
                        rs.getObject(5, UUID.class),
                        rs.getObject(6, UUID.class),
                        Status.valueOf(rs.getString(7)),
                        rs.getBoolean(8)))
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credit request"));
    }

    private static final String SELECT = "select q.id, q.rule_id, q.rule_version, q.organization_id, q.status,"
            + " q.verified, q.verification, q.reason, q.credentials, q.requested_at, q.decided_at, v.document"
            + " from articulation_request q join articulation_rule_version v on v.rule_id = q.rule_id"
            + " and v.version = q.rule_version";

    private CreditRequest view(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        ArticulationRule rule = RuleDocuments.read(new OrganizationId(rs.getObject(4, UUID.class)), rs.getString(12));
        List<UUID> awarded = jdbc.sql(
                        "select credential_id from articulation_award where request_id = ? order by position")
                .param(id)
                .query(UUID.class)
                .list();
        List<String> credentials = new ArrayList<>();
        RuleDraft.JSON.readTree(rs.getString(9)).forEach(c -> credentials.add(c.asString()));
        Timestamp decided = rs.getTimestamp(11);
        return new CreditRequest(
                id,
                rs.getObject(2, UUID.class),
                rs.getInt(3),
                rule.collegeSlug(),
                rule.collegeName(),
                rule.source().name(),
                rule.courses(),
                rule.totalCredits(),
                Status.valueOf(rs.getString(5)),
                rs.getBoolean(6),
                rs.getString(7),
                rs.getString(8),
                credentials,
                awarded,
                rs.getTimestamp(10).toInstant(),
                decided == null ? null : decided.toInstant(),
                null);
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

    static @Nullable JsonObject parse(String document) {
        try {
            return StrictJson.parseObject(document.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static List<JsonValue> array(@Nullable JsonValue value) {
        if (value instanceof JsonArray a) {
            return a;
        }
        return value == null ? List.of() : List.of(value);
    }
}
