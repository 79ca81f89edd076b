package org.openler.platform.identity;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in person, as kept in the (database-backed) session. The username is the e-mail address, which stays in
 * the person's own session and never goes to logs or the audit table.
 */
public final class PersonPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AccountId accountId;
    private final String email;
    private final String displayName;
    private final AccountKind kind;
    private final boolean operator;
    private @Nullable String passwordHash;

    public PersonPrincipal(
            AccountId accountId,
            String email,
            String displayName,
            AccountKind kind,
            boolean operator,
            @Nullable String passwordHash) {
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.kind = kind;
        this.operator = operator;
        this.passwordHash = passwordHash;
    }

    public AccountId accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public AccountKind kind() {
        return kind;
    }

    public Actor.Person toActor() {
        return new Actor.Person(accountId, kind, operator);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("PERSON"));
        authorities.add(new SimpleGrantedAuthority(kind.name()));
        if (operator) {
            authorities.add(new SimpleGrantedAuthority("OPERATOR"));
        }
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "PersonPrincipal[" + accountId + "]";
    }
}
