package org.openler.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * Sign-in through an external OpenID provider, when one is configured with the standard Spring properties
 * ({@code spring.security.oauth2.client.registration.<id>.*} and {@code ...provider.<id>.issuer-uri}). The person is
 * matched to a local account by the provider's verified e-mail, see {@link ExternalAccountLinker}. An account with a
 * second factor then passes OpenLER's second step as after a password ({@link SecondFactorGate#afterExternalSignIn}).
 */
@Component
class ExternalSignOn {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final ObjectProvider<ExternalAccountLinker> linker;

    ExternalSignOn(
            ObjectProvider<ClientRegistrationRepository> registrations, ObjectProvider<ExternalAccountLinker> linker) {
        this.registrations = registrations;
        this.linker = linker;
    }

    void configure(HttpSecurity http, SecondFactorGate secondFactor) throws Exception {
        if (registrations.getIfAvailable() == null) {
            return;
        }
        ExternalAccountLinker accounts = linker.getObject();
        http.oauth2Login(login -> login.loginPage("/login")
                // the provider's sign-in is a first step: OpenLER's second factor still applies (issue 19)
                .successHandler(secondFactor.afterExternalSignIn())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(accounts)));
    }

    boolean enabled() {
        return registrations.getIfAvailable() != null;
    }
}
