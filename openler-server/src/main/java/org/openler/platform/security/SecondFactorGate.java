package org.openler.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The second step of signing in (passkey, TOTP or recovery code) after a right password. The second-factor feature
 * implements it; identity's application chain only calls it, so the dependency points one way (as with
 * {@link SignInGuard}).
 */
public interface SecondFactorGate {

    /** Adds what the second factor needs to the application chain (WebAuthn's endpoints). */
    void configure(HttpSecurity http) throws Exception;

    /**
     * Wraps what happens after a right password: when the account has a second factor, the session is not signed in
     * yet and the person is sent to the second step; otherwise {@code next} runs as before.
     */
    AuthenticationSuccessHandler afterPassword(AuthenticationSuccessHandler next);

    /**
     * The same after a sign-in through an external OpenID provider: the provider's sign-in is the first step only, and
     * an account with a second factor (or one its organization requires) still passes OpenLER's second step.
     */
    AuthenticationSuccessHandler afterExternalSignIn();
}
