package org.openler.platform.organizations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.accounts.EmailAddress;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.security.OrganizationDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Organizations, their staff and invitations. The public face of the organizations feature. */
@Service
public class OrganizationService implements OrganizationDirectory {

    private static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    private final OrganizationRepository organizations;
    private final AccountService accounts;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * Organizations found, by slug and by id. A row of {@code organization} is never updated or deleted (nothing in
     * the code does either; {@code OrganizationRowsTests} keeps it so), so a row once read stays true: every API call
     * under {@code /orgs/<org>/} resolves its organization from memory instead of one to three queries. Only rows that
     * exist are kept (a slug not found may be created next), and at most {@link #REMEMBERED} of them.
     */
    private final ConcurrentMap<String, Organization> bySlug = new ConcurrentHashMap<>();

    private final ConcurrentMap<OrganizationId, Organization> byId = new ConcurrentHashMap<>();

    private static final int REMEMBERED = 10_000;

    /** Organizations created by transactions still running. */
    private final Set<OrganizationId> uncommitted = ConcurrentHashMap.newKeySet();

    OrganizationService(
            OrganizationRepository organizations,
            AccountService accounts,
            MailOutbox outbox,
            AuditLog audit,
            Clock clock) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an organization with {@code admin} as its first administrator. */
    @Transactional
    public Organization create(String name, String slug, Organization.Kind kind, Actor.Person admin) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw PlatformException.invalid(
                    "organizationName", "Enter the organization's name (up to 200 characters).");
        }
        if (!Slugs.isValid(slug)) {
            throw PlatformException.invalid("organizationSlug", Slugs.RULE);
        }
        if (organizations.findBySlug(slug).isPresent()) {
            throw taken();
        }
        Organization organization = new Organization(OrganizationId.random(), slug, trimmed, kind, clock.instant());
        try {
            organizations.insert(organization);
        } catch (DuplicateKeyException raced) {
            throw taken();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            uncommitted.add(organization.id());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    uncommitted.remove(organization.id());
                }
            });
        }
        organizations.putMember(organization.id(), admin.accountId(), StaffRole.ADMIN, clock.instant());
        audit.record(AuditEvent.success(
                AuditAction.ORGANIZATION_CREATED, admin, organization.id(), "organization:" + organization.id()));
        return organization;
    }

    public Optional<Organization> find(String slug) {
        Organization known = bySlug.get(slug);
        return known != null
                ? Optional.of(known)
                : organizations.findBySlug(slug).map(this::remember);
    }

    public Organization get(String slug) {
        return find(slug).orElseThrow(() -> PlatformException.notFound("The organization"));
    }

    public Optional<Organization> find(OrganizationId id) {
        Organization known = byId.get(id);
        return known != null ? Optional.of(known) : organizations.findById(id).map(this::remember);
    }

    private Organization remember(Organization organization) {
        // Read by the transaction that created it, a row could still roll back: remember only committed ones.
        if (!uncommitted.contains(organization.id()) && byId.size() < REMEMBERED) {
            bySlug.put(organization.slug(), organization);
            byId.put(organization.id(), organization);
        }
        return organization;
    }

    public List<Organization> ofAccount(AccountId account) {
        return organizations.ofAccount(account);
    }

    /**
     * The organizations where this person is the only admin: they cannot leave (or delete their account) before
     * making someone else admin, or nobody could manage the organization.
     */
    public List<Organization> soleAdminOf(AccountId account) {
        return organizations.ofAccount(account).stream()
                .filter(o -> organizations.roleOf(account, o.id()).orElse(null) == StaffRole.ADMIN
                        && organizations.countAdmins(o.id()) == 1)
                .toList();
    }

    /** Deletes invitations sent to this address (the person deletes their account: the address goes too). */
    @Transactional
    public void forgetInvitee(String email) {
        organizations.deleteInvitationsTo(email.toLowerCase(Locale.ROOT));
    }

    public List<Member> members(Organization organization) {
        return organizations.members(organization.id());
    }

    public List<Invitation> openInvitations(Organization organization) {
        return organizations.openInvitations(organization.id(), clock.instant());
    }

    @Override
    public Optional<OrganizationId> findIdBySlug(String slug) {
        return find(slug).map(Organization::id);
    }

    @Override
    public Optional<StaffRole> roleOf(AccountId account, OrganizationId organization) {
        return organizations.roleOf(account, organization);
    }

    /** The acting person's role in the organization, for what a page offers them; anyone else is a viewer. */
    public StaffRole roleOfActing(Organization organization) {
        return switch (Actors.current()) {
            case Actor.Person p -> roleOf(p.accountId(), organization.id()).orElse(StaffRole.VIEWER);
            default -> StaffRole.VIEWER;
        };
    }

    @Override
    public Optional<StaffRole> leastRoleFor(OrganizationId organization, Power power) {
        return find(organization).flatMap(o -> OrganizationPowers.leastRole(o.kind(), power));
    }

    /** Invites someone by e-mail; the link goes through the outbox. Returns the token (for the caller's tests). */
    @Transactional
    public String invite(Organization organization, String email, StaffRole role, Actor.Person by, String baseUrl) {
        if (!EmailAddress.isValid(email)) {
            throw PlatformException.invalid("email", "Enter a valid e-mail address.");
        }
        EmailAddress address = new EmailAddress(email);
        boolean alreadyStaff = accounts.findByEmail(address.value())
                .flatMap(a -> organizations.roleOf(a.id(), organization.id()))
                .isPresent();
        if (alreadyStaff) {
            throw PlatformException.conflict("This person is already on the staff.");
        }
        Instant now = clock.instant();
        Invitation invitation = new Invitation(
                UUID.randomUUID(), organization.id(), address.value(), role, now, now.plus(INVITATION_VALIDITY), null);
        String token = SecretTokens.newToken();
        organizations.insertInvitation(invitation, SecretTokens.hash(token), by.accountId());
        outbox.enqueue(
                address.value(),
                "You are invited to join " + organization.name() + " on OpenLER",
                "You have been invited to join " + organization.name() + " on OpenLER as "
                        + role.name().toLowerCase() + ".\n\nAccept within 7 days: " + baseUrl + "/invitations/" + token
                        + "\n\nIf you do not know this organization, ignore this message.");
        audit.record(
                AuditEvent.success(AuditAction.INVITATION_SENT, by, organization.id(), "invitation:" + invitation.id())
                        .withDetail("role=" + role));
        return token;
    }

    /** The invitation behind a link, if the link is real. */
    public Optional<Invitation> invitation(String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        return organizations.invitationByTokenHash(SecretTokens.hash(token));
    }

    /**
     * Accepts an invitation for the signed-in person. The invitation names an e-mail address: only the account with
     * that address may accept, so a forwarded link does not make a stranger staff.
     */
    @Transactional
    public Organization accept(String token, Actor.Person person) {
        Invitation invitation = invitation(token).orElseThrow(() -> PlatformException.notFound("The invitation"));
        if (!invitation.isOpen(clock.instant())) {
            throw new PlatformException(Problem.GONE, "This invitation has expired or was already accepted.");
        }
        Account account = accounts.find(person.accountId()).orElseThrow();
        if (!account.email().value().equals(invitation.email())) {
            throw new PlatformException(
                    Problem.FORBIDDEN, "This invitation was sent to another e-mail address. Sign in with that one.");
        }
        if (!organizations.markAccepted(invitation.id(), person.accountId(), clock.instant())) {
            throw new PlatformException(Problem.GONE, "This invitation was already accepted.");
        }
        organizations.putMember(invitation.organization(), person.accountId(), invitation.role(), clock.instant());
        audit.record(AuditEvent.success(
                        AuditAction.INVITATION_ACCEPTED,
                        person,
                        invitation.organization(),
                        "invitation:" + invitation.id())
                .withDetail("role=" + invitation.role()));
        return organizations.findById(invitation.organization()).orElseThrow();
    }

    @Transactional
    public void changeRole(Organization organization, AccountId member, StaffRole role, Actor.Person by) {
        StaffRole current = organizations
                .roleOf(member, organization.id())
                .orElseThrow(() -> PlatformException.notFound("The staff member"));
        if (current == StaffRole.ADMIN
                && role != StaffRole.ADMIN
                && organizations.countAdmins(organization.id()) == 1) {
            throw PlatformException.conflict(
                    "An organization needs at least one admin. Make someone else admin first.");
        }
        organizations.putMember(organization.id(), member, role, clock.instant());
        audit.record(AuditEvent.success(AuditAction.ROLE_CHANGED, by, organization.id(), "account:" + member)
                .withDetail(current + "->" + role));
    }

    /** Adds someone to the staff directly (demo seeding, operators); people normally join by invitation. */
    @Transactional
    public void changeRoleOrAdd(Organization organization, AccountId member, StaffRole role, Actor by) {
        organizations.putMember(organization.id(), member, role, clock.instant());
        audit.record(AuditEvent.success(AuditAction.ROLE_CHANGED, by, organization.id(), "account:" + member)
                .withDetail("->" + role));
    }

    @Transactional
    public void removeMember(Organization organization, AccountId member, Actor.Person by) {
        StaffRole current = organizations
                .roleOf(member, organization.id())
                .orElseThrow(() -> PlatformException.notFound("The staff member"));
        if (current == StaffRole.ADMIN && organizations.countAdmins(organization.id()) == 1) {
            throw PlatformException.conflict("An organization needs at least one admin.");
        }
        organizations.removeMember(organization.id(), member);
        audit.record(AuditEvent.success(AuditAction.MEMBER_REMOVED, by, organization.id(), "account:" + member));
    }

    private static PlatformException taken() {
        return new PlatformException(
                Problem.CONFLICT,
                "That short name is taken. Choose another.",
                List.of(new PlatformException.FieldError("organizationSlug", "This short name is taken.")));
    }
}
