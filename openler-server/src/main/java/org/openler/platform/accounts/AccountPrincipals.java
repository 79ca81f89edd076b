package org.openler.platform.accounts;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.PersonPrincipal;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.security.ExternalAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Makes signed-in principals from accounts: for the local sign-in form and for external OpenID providers. */
@Component
class AccountPrincipals implements UserDetailsService, ExternalAccounts {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountPrincipals(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        if (!EmailAddress.isValid(email)) {
            throw new UsernameNotFoundException("no such account");
        }
        AccountRepository.StoredAccount stored = accounts.findByEmail(new EmailAddress(email))
                .filter(s -> s.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return principal(stored.account(), stored.passwordHash());
    }

    @Override
    @Transactional
    public PersonPrincipal link(
            String issuer, String subject, String email, boolean emailVerified, String displayName) {
        var linked = accounts.findLinked(issuer, subject).flatMap(accounts::findById);
        if (linked.isPresent()) {
            return principal(linked.get().account(), null);
        }
        if (!EmailAddress.isValid(email)) {
            throw new PlatformException(
                    Problem.FORBIDDEN, "The sign-in provider did not share a usable e-mail address.");
        }
        var existing = accounts.findByEmail(new EmailAddress(email)).map(AccountRepository.StoredAccount::account);
        if (existing.isPresent() && !emailVerified) {
            // Linking by an address the provider has not confirmed would let anyone who claims it take the account.
            throw new PlatformException(
                    Problem.FORBIDDEN,
                    "An account with this e-mail address exists, and the sign-in provider did not confirm the address."
                            + " Sign in with your password instead.");
        }
        Account account = existing.orElseGet(() -> {
            Account created = new Account(
                    AccountId.random(),
                    new EmailAddress(email),
                    displayName.isBlank() ? email : displayName.strip(),
                    AccountKind.LEARNER,
                    "en",
                    false,
                    clock.instant());
            accounts.insert(created, null);
            return created;
        });
        accounts.link(issuer, subject, account.id(), clock.instant());
        return principal(account, null);
    }

    private static PersonPrincipal principal(Account account, @Nullable String passwordHash) {
        return new PersonPrincipal(
                account.id(),
                account.email().value(),
                account.displayName(),
                account.kind(),
                account.operator(),
                passwordHash);
    }
}
