package org.openler.platform.accounts;

import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own account, as JSON. */
@RestController
class AccountApi {

    private final AccountService accounts;

    AccountApi(AccountService accounts) {
        this.accounts = accounts;
    }

    record Me(String id, String email, String displayName, String kind, String locale) {}

    @GetMapping("/api/v1/me")
    @Access(Audience.SIGNED_IN)
    Me me() {
        Actor.Person person = (Actor.Person) Actors.current();
        Account account =
                accounts.find(person.accountId()).orElseThrow(() -> PlatformException.notFound("Your account"));
        return new Me(
                account.id().toString(),
                account.email().value(),
                account.displayName(),
                account.kind().name().toLowerCase(),
                account.preferredLocale());
    }
}
