package org.openler.platform.obapi;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.AccountKind;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who a resource request acts for: the learner the bearer token's {@code sub} names (set by {@link ObTokenSubject}
 * when the learner consented), through the application the token was issued to. The security chain
 * ({@link ObResourceSecurity}) has already checked the token's signature, that it is still on record (not revoked)
 * and that it carries the route's scope; this checks that it is an API application's token for a learner.
 */
@Component
class ObLearners {

    /** The learner and the application acting for them. */
    record Caller(Account learner, RegisteredClient client) {
        AccountId accountId() {
            return learner.id();
        }
    }

    private final AccountService accounts;
    private final RegisteredClientRepository clients;

    ObLearners(AccountService accounts, RegisteredClientRepository clients) {
        this.accounts = accounts;
        this.clients = clients;
    }

    Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new ObRefusal(ImsxStatusInfo.unauthorized("Send a bearer token the learner's consent gave you."));
        }
        Jwt jwt = token.getToken();
        @Nullable RegisteredClient client = clientOf(jwt);
        if (client == null || !ObTokenSubject.isApiApplication(client)) {
            throw new ObRefusal(ImsxStatusInfo.forbidden("This token was not issued to an Open Badges application."));
        }
        UUID subject;
        try {
            subject = UUID.fromString(String.valueOf(jwt.getSubject()));
        } catch (IllegalArgumentException e) {
            throw new ObRefusal(ImsxStatusInfo.forbidden("This token does not name a learner."));
        }
        Account learner = accounts.find(new AccountId(subject))
                .filter(account -> account.kind() == AccountKind.LEARNER)
                .orElseThrow(() -> new ObRefusal(ImsxStatusInfo.forbidden("This token does not name a learner.")));
        return new Caller(learner, client);
    }

    private @Nullable RegisteredClient clientOf(Jwt jwt) {
        String clientId = jwt.getClaimAsString("client_id");
        if (clientId == null) {
            List<String> audience = jwt.getAudience();
            clientId = audience == null || audience.isEmpty() ? null : audience.getFirst();
        }
        return clientId == null ? null : clients.findByClientId(clientId);
    }
}
