package org.openler.platform.talent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.accounts.EmailAddress;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.matching.LearnerRecord;
import org.openler.platform.matching.MatchEngine;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.sharing.Shares;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internal talent: an employer links its employees (an invitation to an e-mail address, which the person with that
 * address accepts or declines, and may end at any time), then searches the linked employees who have discovery on
 * (internal or anonymous) by skills, over what each made searchable. The employees' names are shown: they chose to be
 * known to this employer. There is no threshold of five here for that reason; nobody unlinked or with discovery off
 * is read at all.
 */
@Service
public class Employees {

    static final int MAX_LINKS = 5000;

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final OrganizationService organizations;
    private final TalentDiscovery discovery;
    private final TalentDocuments documents;
    private final Shares shares;
    private final LinkMail mail;
    private final Clock clock;

    Employees(
            JdbcClient jdbc,
            AccountService accounts,
            OrganizationService organizations,
            TalentDiscovery discovery,
            TalentDocuments documents,
            Shares shares,
            LinkMail mail,
            Clock clock) {
        this.shares = shares;
        this.mail = mail;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organizations = organizations;
        this.discovery = discovery;
        this.documents = documents;
        this.clock = clock;
    }

    public enum State {
        INVITED,
        LINKED,
        DECLINED,
        ENDED
    }

    /** A link as the employer sees it: the address it invited, the state, and the name once linked. */
    public record ForEmployer(
            UUID id, String email, State state, @Nullable String name) {}

    /** A link as the employee sees it: the employer and the state. */
    public record ForEmployee(UUID id, String employer, State state) {}

    /** One employee in an internal search: by name, with the match. */
    public record Employee(String name, int score, List<TalentSearch.Requirement> requirements) {}

    public record InternalResult(String title, int total, List<Employee> employees) {}

    private record Row(
            UUID id,
            UUID organizationId,
            String email,
            @Nullable UUID accountId,
            State state,
            Instant invitedAt) {}

    /** What the link in an invitation e-mail offers: which employer, and whether it can still be answered. */
    public record Offer(UUID id, String employer, State state) {}

    /**
     * Invites an address to link as an employee, and e-mails it a link (through the platform's outbox, in the same
     * transaction). Asking again while invited or linked answers the same link and sends nothing more.
     */
    @Transactional
    public ForEmployer invite(Organization employer, String email) {
        employerOnly(employer);
        if (!EmailAddress.isValid(email)) {
            throw PlatformException.invalid("email", "Enter a valid e-mail address.");
        }
        String address = new EmailAddress(email).value();
        List<Row> current = rows(
                "organization_id = ? and email = ? and state in ('INVITED', 'LINKED')",
                employer.id().value(),
                address);
        if (!current.isEmpty()) {
            return forEmployer(current.getFirst());
        }
        Integer count = jdbc.sql("select count(*) from talent_employee where organization_id = ?")
                .param(employer.id().value())
                .query(Integer.class)
                .single();
        if (count >= MAX_LINKS) {
            throw PlatformException.invalid("email", "At most " + MAX_LINKS + " employee links.");
        }
        UUID id = UUID.randomUUID();
        String token = SecretTokens.newToken();
        jdbc.sql("insert into talent_employee (id, organization_id, email, state, invited_at, token_hash)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        employer.id().value(),
                        address,
                        State.INVITED.name(),
                        Timestamp.from(clock.instant()),
                        SecretTokens.hash(token))
                .update();
        mail.send(employer, address, token);
        return new ForEmployer(id, address, State.INVITED, null);
    }

    public List<ForEmployer> list(Organization employer) {
        return rows(
                        "organization_id = ? order by invited_at desc",
                        employer.id().value())
                .stream()
                .map(this::forEmployer)
                .toList();
    }

    /** The learner's links and the invitations to their address. */
    public List<ForEmployee> forEmployee(AccountId learner) {
        Account account = accounts.find(learner).orElseThrow(() -> PlatformException.notFound("The account"));
        return rows(
                        "(account_id = ? or (account_id is null and email = ? and state = 'INVITED'))"
                                + " order by invited_at desc",
                        learner.value(),
                        account.email().value())
                .stream()
                .map(r -> new ForEmployee(r.id(), organizationName(r), r.state()))
                .toList();
    }

    @Transactional
    public void accept(AccountId learner, UUID id) {
        Row row = mine(learner, id);
        if (row.state() != State.INVITED) {
            throw PlatformException.conflict("This invitation was already answered.");
        }
        answer(id, learner, State.LINKED);
    }

    /** The name of the organization that sent the invitation; empty when it is gone. */
    private String organizationName(Row row) {
        return organizations
                .find(new OrganizationId(row.organizationId()))
                .map(Organization::name)
                .orElse("");
    }

    /** The invitation an e-mailed link names; empty for a token nobody was sent. */
    public Optional<Offer> offer(String token) {
        return byToken(token).map(r -> new Offer(r.id(), organizationName(r), r.state()));
    }

    /**
     * Answers the invitation behind an e-mailed link for the signed-in learner: the link proves the address was
     * theirs, so an account under another address may link with it too. A link answered before is 409; an unknown
     * one 404.
     */
    @Transactional
    public void answerLink(AccountId learner, String token, boolean link) {
        Row row = byToken(token).orElseThrow(() -> PlatformException.notFound("The invitation"));
        if (row.state() != State.INVITED) {
            throw PlatformException.conflict("This invitation was already answered.");
        }
        answer(row.id(), learner, link ? State.LINKED : State.DECLINED);
    }

    /** Declines an invitation or ends a link; ending twice is the same as once. */
    @Transactional
    public void end(AccountId learner, UUID id) {
        Row row = mine(learner, id);
        switch (row.state()) {
            case INVITED -> answer(id, learner, State.DECLINED);
            case LINKED -> answer(id, learner, State.ENDED);
            case DECLINED, ENDED -> {}
        }
    }

    /**
     * Deletes the invitations to the learner's address that nobody answered: they name the person by e-mail and,
     * without an account on them, would not go with the account (answered ones cascade).
     */
    @Transactional
    public void forgetInvitationsTo(AccountId learner) {
        accounts.find(learner)
                .ifPresent(account -> jdbc.sql("delete from talent_employee where account_id is null and email = ?")
                        .param(account.email().value())
                        .update());
    }

    /**
     * The employer's linked employees with discovery on, ranked by the match; every one, by name. Not read-only:
     * verifying a held credential may publish a status list (a verified credential answered 500 here before).
     */
    @Transactional
    public InternalResult search(Organization employer, MatchTarget target) {
        employerOnly(employer);
        List<UUID> linked = jdbc.sql("select account_id from talent_employee where organization_id = ? and state = ?")
                .params(employer.id().value(), State.LINKED.name())
                .query(UUID.class)
                .list();
        List<Employee> found = new ArrayList<>();
        for (UUID id : linked) {
            AccountId learner = new AccountId(id);
            if (discovery.read(learner).mode() == DiscoveryMode.OFF) {
                continue;
            }
            MatchEngine.Match match = MatchEngine.match(
                    target, LearnerRecord.of(documents.searchable(learner, sharedWith(employer, learner)), List.of()));
            if (match.exact() <= 0) {
                continue;
            }
            String name = accounts.find(learner).map(Account::displayName).orElse("");
            found.add(new Employee(name, match.score(), TalentSearch.requirements(match)));
        }
        found.sort(Comparator.comparingInt(Employee::score).reversed().thenComparing(Employee::name));
        return new InternalResult(target.title(), found.size(), found);
    }

    /**
     * The credentials the employee shares with this employer now: active shares (unexpired, unrevoked) made to this
     * organization, by its id (an accepted invitation, or a party typed that names this organization and no other),
     * never by name: two organizations of one name never see each other's shares. The employee chose to show these
     * to this employer, so its internal search reads them beside what they made searchable.
     */
    Set<UUID> sharedWith(Organization employer, AccountId learner) {
        return shares.sharedWith(learner, employer.id());
    }

    private Optional<Row> byToken(String token) {
        if (token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return rows("token_hash = ?", SecretTokens.hash(token)).stream().findFirst();
    }

    private ForEmployer forEmployer(Row row) {
        String name = row.state() == State.LINKED && row.accountId() != null
                ? accounts.find(new AccountId(row.accountId()))
                        .map(Account::displayName)
                        .orElse(null)
                : null;
        return new ForEmployer(row.id(), row.email(), row.state(), name);
    }

    /** The learner's own link or an invitation to their address; anyone else's reads as not found. */
    private Row mine(AccountId learner, UUID id) {
        Account account = accounts.find(learner).orElseThrow(() -> PlatformException.notFound("The invitation"));
        return rows(
                        "id = ? and (account_id = ? or (account_id is null and email = ?))",
                        id,
                        learner.value(),
                        account.email().value())
                .stream()
                .findFirst()
                .orElseThrow(() -> PlatformException.notFound("The invitation"));
    }

    private void answer(UUID id, AccountId learner, State state) {
        jdbc.sql("update talent_employee set state = ?, account_id = ?, answered_at = ? where id = ?")
                .params(state.name(), learner.value(), Timestamp.from(clock.instant()), id)
                .update();
    }

    private List<Row> rows(String where, Object... params) {
        return jdbc.sql("select id, organization_id, email, account_id, state, invited_at from talent_employee where "
                        + where)
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("email"),
                        rs.getObject("account_id", UUID.class),
                        State.valueOf(rs.getString("state")),
                        rs.getTimestamp("invited_at").toInstant()))
                .list();
    }

    private static void employerOnly(Organization employer) {
        if (employer.kind() != Organization.Kind.EMPLOYER) {
            throw new PlatformException(Problem.UNPROCESSABLE, "Internal talent is for employer organizations.");
        }
    }
}
