package org.openler.platform.onboarding;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.organizations.Slugs;
import org.openler.platform.problems.PlatformException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up in one transaction: a learner account; or a staff account together with its new provider or employer (the
 * person becomes its admin). If any part fails, nothing is kept.
 */
@Service
class SignUpService {

    private final AccountService accounts;
    private final OrganizationService organizations;

    SignUpService(AccountService accounts, OrganizationService organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    enum Role {
        LEARNER,
        PROVIDER,
        EMPLOYER,
        /** Joining an existing organization by invitation: a staff account with no organization of its own. */
        INVITED_STAFF
    }

    record Form(
            String displayName,
            String email,
            String password,
            String role,
            String organizationName,
            String organizationSlug,
            String locale) {}

    record Result(Account account, @Nullable Organization organization) {}

    @Transactional
    Result signUp(Form form) {
        Role role = parse(form.role());
        AccountKind kind = role == Role.LEARNER ? AccountKind.LEARNER : AccountKind.STAFF;
        Account account = accounts.create(
                new AccountService.NewAccount(form.email(), form.displayName(), form.password(), kind, form.locale()));
        if (role != Role.PROVIDER && role != Role.EMPLOYER) {
            return new Result(account, null);
        }
        String slug = form.organizationSlug().isBlank()
                ? Slugs.fromName(form.organizationName())
                : form.organizationSlug().strip().toLowerCase(Locale.ROOT);
        Organization organization = organizations.create(
                form.organizationName(),
                slug,
                role == Role.PROVIDER ? Organization.Kind.PROVIDER : Organization.Kind.EMPLOYER,
                new Actor.Person(account.id(), kind, false));
        return new Result(account, organization);
    }

    private static Role parse(String role) {
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("role", "Choose learner, provider or employer.");
        }
    }
}
