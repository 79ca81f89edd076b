package org.openler.platform.privacy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Actor;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.security.SignedInSessions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes a person's account and everything that names them, in one transaction: each feature withdraws what
 * others hold a link to ({@link PersonalData#beforeDeletion}) and erases references that do not cascade
 * ({@link PersonReferences}); then mail to the address, invitations to it, sessions and authorization-server grants
 * go, the audit trail's name for the person becomes a pseudonym (the events stay, naming no one), and the account row
 * goes with every row that references it (foreign keys cascade). Credentials the person shared stay valid for whoever
 * holds them: nothing issued is revoked.
 */
@Service
class AccountDeletion {

    private final AccountService accounts;
    private final OrganizationService organizations;
    private final PrivacyCenter center;
    private final List<PersonReferences> references;
    private final MailOutbox outbox;
    private final SignedInSessions sessions;
    private final AuditLog audit;

    AccountDeletion(
            AccountService accounts,
            OrganizationService organizations,
            PrivacyCenter center,
            List<PersonReferences> references,
            MailOutbox outbox,
            SignedInSessions sessions,
            AuditLog audit) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.center = center;
        this.references = references;
        this.outbox = outbox;
        this.sessions = sessions;
        this.audit = audit;
    }

    /**
     * Deletes the person's account once they typed its e-mail address again. Refused (409) while they are the only
     * admin of an organization: someone must be able to manage it after them.
     */
    @Transactional
    void delete(Actor.Person person, String typedEmail) {
        Account account =
                accounts.find(person.accountId()).orElseThrow(() -> PlatformException.notFound("Your account"));
        String email = account.email().value();
        if (!email.equals(typedEmail.strip().toLowerCase(Locale.ROOT))) {
            throw PlatformException.invalid(
                    "confirmEmail", "Type your account's e-mail address exactly to confirm the deletion.");
        }
        List<Organization> sole = organizations.soleAdminOf(account.id());
        if (!sole.isEmpty()) {
            throw new PlatformException(
                    Problem.CONFLICT,
                    "You are the only admin of "
                            + String.join(
                                    ", ", sole.stream().map(Organization::name).toList())
                            + ". Make someone else admin there first, then delete your account.");
        }
        // Latest sections first: a share is withdrawn before the credential it points at.
        List<PersonalData> sections = center.sections().reversed();
        sections.forEach(section -> section.beforeDeletion(account.id()));
        ErasedPerson erased = new ErasedPerson(account.id(), email, "deleted:" + UUID.randomUUID());
        references.forEach(feature -> feature.erase(erased));
        outbox.forget(email);
        organizations.forgetInvitee(email);
        sessions.endAll(email);
        audit.pseudonymize(erased.auditName(), erased.pseudonym());
        accounts.delete(account.id());
        audit.record(AuditEvent.success(AuditAction.ACCOUNT_DELETED, new Actor.Anonymous(), null, erased.pseudonym()));
    }
}
