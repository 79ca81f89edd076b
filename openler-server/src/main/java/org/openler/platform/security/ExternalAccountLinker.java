package org.openler.platform.security;

import java.io.Serial;
import java.util.HashSet;
import java.util.Set;
import org.openler.platform.kernel.LinkedPerson;
import org.openler.platform.kernel.PersonPrincipal;
import org.openler.platform.problems.PlatformException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** After an external OpenID sign-in, swaps the provider's user for our account (by subject, then verified e-mail). */
@Component
class ExternalAccountLinker implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final ExternalAccounts accounts;

    ExternalAccountLinker(ExternalAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser external = delegate.loadUser(request);
        String email = external.getEmail();
        if (email == null) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("email_required", "The provider did not share an e-mail address.", null));
        }
        PersonPrincipal person;
        try {
            person = accounts.link(
                    external.getIssuer().toString(),
                    external.getSubject(),
                    email,
                    Boolean.TRUE.equals(external.getEmailVerified()),
                    external.getFullName() == null ? email : external.getFullName());
        } catch (PlatformException refused) {
            // A refused link is a failed sign-in (back to the sign-in page), not a server error.
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("account_not_linked", refused.detail(), null), refused.detail(), refused);
        }
        Set<GrantedAuthority> authorities = new HashSet<>(external.getAuthorities());
        authorities.addAll(person.getAuthorities());
        return new LinkedOidcUser(authorities, external, person);
    }

    /** An external OpenID user that carries the local person it was linked to. */
    static final class LinkedOidcUser extends DefaultOidcUser implements LinkedPerson {
        @Serial
        private static final long serialVersionUID = 1L;

        private final PersonPrincipal person;

        LinkedOidcUser(Set<GrantedAuthority> authorities, OidcUser external, PersonPrincipal person) {
            super(authorities, external.getIdToken(), external.getUserInfo());
            this.person = person;
        }

        @Override
        public PersonPrincipal person() {
            return person;
        }
    }
}
