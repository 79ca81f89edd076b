package org.openler.platform.talent;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.JobId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.keys.KeySealer;
import org.openler.platform.matching.JobTargets;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.sharing.Share;
import org.openler.platform.sharing.ShareId;
import org.openler.platform.sharing.Shares;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invite → accept → reveal. An employer invites a pseudonym it was shown in its own results (a guessed or another
 * employer's pseudonym names nobody), while the learner is still anonymously discoverable. The learner sees the
 * employer and the job. Accepting makes a share with the sharing feature (the credentials they choose, party = the
 * employer, purpose = the application, a last day); only then does the employer's view of the invitation carry the
 * learner's name and the share's link. Declined, void or unanswered, the employer reads "not interested" or
 * "pending", nothing more.
 */
@Service
public class Invitations {

    static final int MAX_MESSAGE = 2000;
    /** How long an accepted invitation's share lasts unless the learner picks a day. */
    static final int SHARE_DAYS = 30;

    private static final String TOKEN_CONTEXT = "talent-invitation-share";

    private final JdbcClient jdbc;
    private final TalentDiscovery discovery;
    private final OrganizationService organizations;
    private final AccountService accounts;
    private final Shares shares;
    private final KeySealer sealer;
    private final List<JobTargets> jobs;
    private final Clock clock;

    Invitations(
            JdbcClient jdbc,
            TalentDiscovery discovery,
            OrganizationService organizations,
            AccountService accounts,
            Shares shares,
            KeySealer sealer,
            List<JobTargets> jobs,
            Clock clock) {
        this.jdbc = jdbc;
        this.discovery = discovery;
        this.organizations = organizations;
        this.accounts = accounts;
        this.shares = shares;
        this.sealer = sealer;
        this.jobs = jobs;
        this.clock = clock;
    }

    public enum State {
        OPEN,
        ACCEPTED,
        DECLINED,
        VOID
    }

    /** A row as stored; never leaves the server whole. */
    record Row(
            UUID id,
            UUID organizationId,
            UUID accountId,
            String pseudonym,
            @Nullable UUID jobId,
            @Nullable String jobTitle,
            @Nullable String message,
            State state,
            @Nullable UUID shareId,
            byte @Nullable [] shareToken,
            Instant createdAt,
            @Nullable Instant answeredAt) {}

    /** What the learner sees: the employer, the job, the message, the state. */
    public record ForLearner(
            UUID id,
            String employer,
            @Nullable String job,
            @Nullable String message,
            State state,
            Instant createdAt,
            @Nullable UUID share) {}

    /**
     * What the employer sees: the pseudonym and {@code pending}, {@code not-interested} or {@code accepted}; once
     * accepted, the learner's name, the shared credentials' names and the share's link (verified on opening).
     */
    public record ForEmployer(
            UUID id,
            String pseudonym,
            String answer,
            @Nullable String job,
            @Nullable String name,
            List<String> credentials,
            @Nullable String shareToken) {}

    @Transactional
    public ForEmployer invite(Organization employer, String pseudonym, Optional<UUID> job, String message) {
        if (employer.kind() != Organization.Kind.EMPLOYER) {
            // the caller is allowed in (staff of this organization); the operation does not apply to a provider
            throw new PlatformException(Problem.UNPROCESSABLE, "Talent search is for employer organizations.");
        }
        String text = message.strip();
        if (text.length() > MAX_MESSAGE) {
            throw PlatformException.invalid("message", "At most " + MAX_MESSAGE + " characters.");
        }
        String jobTitle = null;
        if (job.isPresent()) {
            JobId id = new JobId(job.get());
            jobTitle = jobs.stream()
                    .flatMap(j ->
                            j.forJob(id).map(t -> j.job(id).map(x -> x.title()).orElse(t.title())).stream())
                    .findFirst()
                    .orElseThrow(() -> PlatformException.invalid("job", "No such job."));
        }
        if (job.isEmpty() && text.isEmpty()) {
            throw PlatformException.invalid("message", "Name a job or write a message.");
        }
        // only a pseudonym this employer was shown names anyone; the same answer for unknown and opted out
        Optional<UUID> learner = jdbc.sql("select account_id from talent_appearance where organization_id = ?"
                        + " and pseudonym = ? limit 1")
                .params(employer.id().value(), pseudonym)
                .query(UUID.class)
                .optional();
        if (learner.isEmpty() || !discovery.isAnonymouslyDiscoverable(new AccountId(learner.get()))) {
            throw new PlatformException(
                    Problem.GONE, "This candidate is not available: no longer searchable, or never shown to you.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into talent_invitation (id, organization_id, account_id, pseudonym, job_id, job_title,"
                        + " message, state, created_at) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
                .params(
                        id,
                        employer.id().value(),
                        learner.get(),
                        pseudonym,
                        job.orElse(null),
                        jobTitle,
                        text.isEmpty() ? null : text,
                        Timestamp.from(clock.instant()))
                .update();
        return forEmployer(employer, new InvitationId(id));
    }

    public ForEmployer forEmployer(Organization employer, InvitationId id) {
        Row row = row(id.value())
                .filter(r -> r.organizationId().equals(employer.id().value()))
                .orElseThrow(() -> PlatformException.notFound("The invitation"));
        if (row.state() != State.ACCEPTED || row.shareId() == null) {
            // the privacy center's own switch hides the learner too: an open invitation then reads as void
            boolean open =
                    row.state() == State.OPEN && discovery.isAnonymouslyDiscoverable(new AccountId(row.accountId()));
            String answer = open ? "pending" : "not-interested";
            return new ForEmployer(row.id(), row.pseudonym(), answer, row.jobTitle(), null, List.of(), null);
        }
        AccountId learner = new AccountId(row.accountId());
        Share share = shares.get(learner, new ShareId(row.shareId()));
        String name = accounts.find(learner).map(Account::displayName).orElse(null);
        String token = row.shareToken() == null
                ? null
                : new String(sealer.unseal(row.shareToken(), TOKEN_CONTEXT), StandardCharsets.UTF_8);
        return new ForEmployer(
                row.id(),
                row.pseudonym(),
                share.status() == Share.Status.ACTIVE ? "accepted" : "accepted-share-ended",
                row.jobTitle(),
                name,
                share.items().stream().map(Share.Item::credentialName).toList(),
                share.status() == Share.Status.ACTIVE ? token : null);
    }

    public List<ForEmployer> sent(Organization employer) {
        return jdbc
                .sql("select id from talent_invitation where organization_id = ? order by created_at desc limit 200")
                .param(employer.id().value())
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> forEmployer(employer, new InvitationId(id)))
                .toList();
    }

    public List<ForLearner> received(AccountId learner) {
        return jdbc
                .sql("select id from talent_invitation where account_id = ? order by created_at desc limit 200")
                .param(learner.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> forLearner(learner, new InvitationId(id)))
                .toList();
    }

    public ForLearner forLearner(AccountId learner, InvitationId id) {
        Row row = own(learner, id.value());
        String employer = organizations
                .find(new OrganizationId(row.organizationId()))
                .map(Organization::name)
                .orElse("An employer (since deleted)");
        State state =
                row.state() == State.OPEN && !discovery.isAnonymouslyDiscoverable(learner) ? State.VOID : row.state();
        return new ForLearner(row.id(), employer, row.jobTitle(), row.message(), state, row.createdAt(), row.shareId());
    }

    /** Accepts with a share of the chosen credentials until {@code lastDay} (empty: {@value #SHARE_DAYS} days). */
    @Transactional
    public ForLearner accept(AccountId learner, InvitationId id, List<UUID> credentials, Optional<LocalDate> lastDay) {
        Row row = open(learner, id.value());
        if (!discovery.isAnonymouslyDiscoverable(learner)) {
            throw PlatformException.conflict("Turn discovery on again to answer invitations.");
        }
        Organization employer = organizations
                .find(new OrganizationId(row.organizationId()))
                .orElseThrow(() -> PlatformException.notFound("The employer"));
        String purpose = row.jobTitle() != null
                ? "Application for \"" + row.jobTitle() + "\" (an invitation through talent search)"
                : "Application (an invitation through talent search)";
        LocalDate until = lastDay.orElse(
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(SHARE_DAYS));
        Shares.Created created = shares.create(
                learner, new Shares.NewShare(credentials, employer.name(), purpose, Optional.of(until)), employer.id());
        jdbc.sql("update talent_invitation set state = 'ACCEPTED', answered_at = ?, share_id = ?, share_token = ?"
                        + " where id = ? and state = 'OPEN'")
                .params(
                        Timestamp.from(clock.instant()),
                        created.share().id(),
                        sealer.seal(created.token().getBytes(StandardCharsets.UTF_8), TOKEN_CONTEXT),
                        id.value())
                .update();
        return forLearner(learner, id);
    }

    @Transactional
    public ForLearner decline(AccountId learner, InvitationId id) {
        open(learner, id.value());
        jdbc.sql("update talent_invitation set state = 'DECLINED', answered_at = ? where id = ? and state = 'OPEN'")
                .params(Timestamp.from(clock.instant()), id.value())
                .update();
        return forLearner(learner, id);
    }

    private Row open(AccountId learner, UUID id) {
        Row row = own(learner, id);
        if (row.state() != State.OPEN) {
            throw PlatformException.conflict("This invitation was already answered, or is void.");
        }
        return row;
    }

    private Row own(AccountId learner, UUID id) {
        return row(id).filter(r -> r.accountId().equals(learner.value()))
                .orElseThrow(() -> PlatformException.notFound("The invitation"));
    }

    private Optional<Row> row(UUID id) {
        return jdbc.sql("select id, organization_id, account_id, pseudonym, job_id, job_title, message, state,"
                        + " share_id, share_token, created_at, answered_at from talent_invitation where id = ?")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("pseudonym"),
                        rs.getObject("job_id", UUID.class),
                        rs.getString("job_title"),
                        rs.getString("message"),
                        State.valueOf(rs.getString("state")),
                        rs.getObject("share_id", UUID.class),
                        rs.getBytes("share_token"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("answered_at") == null
                                ? null
                                : rs.getTimestamp("answered_at").toInstant()))
                .optional();
    }
}
