package org.openler.platform.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in person, as kept in the (database-backed) session. The username is the e-mail address, which stays in
 * the person's own session and never goes to logs or the audit table.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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

    /** For the authorization server's JSON store: ids and names only, never the password hash. */
    @JsonCreator
    static PersonPrincipal fromJson(
            @JsonProperty("accountId") String accountId,
            @JsonProperty("email") String email,
            @JsonProperty("displayName") String displayName,
            @JsonProperty("kind") AccountKind kind,
            @JsonProperty("operator") boolean operator) {
        return new PersonPrincipal(new AccountId(UUID.fromString(accountId)), email, displayName, kind, operator, null);
    }

    @JsonProperty("accountId")
    String accountIdForJson() {
        return accountId.toString();
    }

    @JsonProperty("operator")
    boolean operator() {
        return operator;
    }

    @JsonIgnore
    public AccountId accountId() {
        return accountId;
    }

    @JsonProperty("displayName")
    public String displayName() {
        return displayName;
    }

    @JsonProperty("kind")
    public AccountKind kind() {
        return kind;
    }

    @JsonIgnore
    public Actor.Person toActor() {
        return new Actor.Person(accountId, kind, operator);
    }

    @Override
    @JsonIgnore
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
    @JsonIgnore
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    @JsonProperty("email")
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
