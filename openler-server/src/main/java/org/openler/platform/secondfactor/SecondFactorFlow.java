package org.openler.platform.secondfactor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.LinkedPerson;
import org.openler.platform.kernel.PersonPrincipal;
import org.openler.platform.security.SecondFactorGate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * The second step of signing in. After a right password (or a sign-in through an external OpenID provider), an
 * account with a second factor is not signed in yet: the
 * session keeps only a {@link PendingSignIn} and the person is sent to {@code /login/second-factor}, where a passkey
 * (Spring Security's WebAuthn ceremony at {@code /login/webauthn}), a TOTP code or a recovery code completes it. Only
 * then does the session get the person's authentication, under a new session id. A passkey of another account than
 * the one whose password was given is refused. Staff of an organization that requires a second factor and who have
 * none yet are signed in and sent to set one up; the organization's routes stay closed to them until they do
 * ({@link RequirementInterceptor}). A passkey on its own, with no sign-in under way, signs in too (passkey-only).
 */
@Component
class SecondFactorFlow implements SecondFactorGate {

    static final String SECOND_STEP = "/login/second-factor";
    static final String ENROLMENT = "/account/security";
    /** Session flag: this staff member holds signing powers and has no second factor; pages ask them to set one up. */
    static final String SUGGEST = SecondFactorFlow.class.getName() + ".suggest";

    private final SecondFactors factors;
    private final UserDetailsService people;
    private final Clock clock;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private @Nullable AuthenticationSuccessHandler afterSignIn;

    SecondFactorFlow(SecondFactors factors, UserDetailsService people, Clock clock) {
        this.factors = factors;
        this.people = people;
        this.clock = clock;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.webAuthn(webAuthn -> webAuthn.rpName("OpenLER")
                .disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationSuccessHandler(SecondFactorFlow.this::passkeyPassed);
                        return filter;
                    }
                }));
    }

    @Override
    public AuthenticationSuccessHandler afterPassword(AuthenticationSuccessHandler next) {
        this.afterSignIn = next;
        return (request, response, authentication) -> hold(request, response, authentication, next);
    }

    @Override
    public AuthenticationSuccessHandler afterExternalSignIn() {
        return (request, response, authentication) -> {
            AuthenticationSuccessHandler next = afterSignIn;
            hold(request, response, authentication, next != null ? next : (q, r, a) -> r.sendRedirect("/home"));
        };
    }

    /**
     * After a first step (a password, or an external OpenID provider's sign-in): an account with a second factor is not
     * signed in yet; staff whose organization requires one and who have none are sent to set it up, as is an account
     * whose lost factor was reset; anyone else goes on to {@code next}.
     */
    private void hold(
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication authentication,
            AuthenticationSuccessHandler next)
            throws IOException, jakarta.servlet.ServletException {
        PersonPrincipal person = switch (authentication.getPrincipal()) {
            case PersonPrincipal p -> p;
            case LinkedPerson linked -> linked.person();
            case null, default -> null;
        };
        if (person == null) {
            next.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        if (factors.hasSecondFactor(person.accountId())) {
            // Hold the sign-in: the session keeps no authentication, only who is half-way through.
            contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            HttpSession session = request.getSession();
            session.setAttribute(
                    PendingSignIn.ATTRIBUTE,
                    new PendingSignIn(
                            person.accountId().value(),
                            person.getUsername(),
                            request.getParameter("continue"),
                            clock.instant(),
                            0,
                            authentication.getPrincipal() instanceof PersonPrincipal ? null : authentication));
            response.sendRedirect(SECOND_STEP);
            return;
        }
        if (factors.resetPending(person.accountId())) {
            response.sendRedirect(ENROLMENT + "?reset");
            return;
        }
        if (factors.requiredFor(person.accountId())) {
            response.sendRedirect(ENROLMENT + "?required");
            return;
        }
        if (factors.holdsSigningPowers(person.accountId())) {
            request.getSession().setAttribute(SUGGEST, Boolean.TRUE);
        }
        next.onAuthenticationSuccess(request, response, authentication);
    }

    /**
     * Completes a pending sign-in after its second step: the session gets the person's authentication (as the password
     * form would have given it) under a new id, and the person goes where the sign-in was to continue.
     */
    void complete(PendingSignIn pending, String how, HttpServletRequest request, HttpServletResponse response)
            throws IOException, jakarta.servlet.ServletException {
        request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
        Authentication authentication = pending.external();
        if (authentication == null) {
            PersonPrincipal person = (PersonPrincipal) people.loadUserByUsername(pending.email());
            person.eraseCredentials();
            authentication = UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities());
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        factors.recordPassed(pending.account(), how);
        AuthenticationSuccessHandler next = afterSignIn;
        if (next == null) {
            response.sendRedirect("/home");
            return;
        }
        next.onAuthenticationSuccess(withContinue(request, pending.continueTo()), response, authentication);
    }

    /**
     * Spring Security's WebAuthn filter verified the passkey's signature for its user. Half-way through a sign-in, the
     * passkey must belong to the account whose password was given; with no sign-in under way it is a passkey-only
     * sign-in (a discoverable credential with user verification: something held and something known or the holder's
     * body, i.e. two factors in one). Either way the sign-in completes and the answer is what Spring's script expects.
     */
    private void passkeyPassed(HttpServletRequest request, HttpServletResponse response, Authentication passkey)
            throws IOException, jakarta.servlet.ServletException {
        PendingSignIn pending = PendingSignIn.in(request.getSession(false), clock.instant());
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        if (pending == null) {
            Optional<AccountId> owner = factors.accountOfPasskeyUser(passkey.getName());
            if (owner.isEmpty() || !signsInLocally(passkey.getName())) {
                refusePasskey(response);
                return;
            }
            pending = new PendingSignIn(
                    owner.get().value(), passkey.getName(), request.getParameter("continue"), clock.instant(), 0, null);
            answerPasskey(pending, "passkey alone", request, response);
            return;
        }
        if (!pending.email().equalsIgnoreCase(passkey.getName())) {
            factors.recordFailure(pending.account(), "passkey of another account");
            request.getSession().setAttribute(PendingSignIn.ATTRIBUTE, pending.failedOnce());
            refusePasskey(response);
            return;
        }
        answerPasskey(pending, "passkey", request, response);
    }

    private void answerPasskey(
            PendingSignIn pending, String how, HttpServletRequest request, HttpServletResponse response)
            throws IOException, jakarta.servlet.ServletException {
        RedirectCapture capture = new RedirectCapture(response);
        complete(pending, how, request, capture);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"authenticated\":true,\"redirectUrl\":\"" + jsonSafe(capture.location) + "\"}");
    }

    /** Whether the account can be signed in as the password form would (it exists and has a local sign-in). */
    private boolean signsInLocally(String email) {
        try {
            return people.loadUserByUsername(email).isEnabled();
        } catch (UsernameNotFoundException gone) {
            return false;
        }
    }

    private static void refusePasskey(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.getWriter().write("{\"authenticated\":false}");
    }

    private static String jsonSafe(String location) {
        // a relative path or this site's own URL from the success handler; anything odd goes home
        return location.matches("^[A-Za-z0-9/:._?=&%-]*$") ? location : "/home";
    }

    private static HttpServletRequest withContinue(HttpServletRequest request, @Nullable String target) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public @Nullable String getParameter(String name) {
                return "continue".equals(name) ? target : super.getParameter(name);
            }
        };
    }

    /** Keeps the success handler's redirect as a URL for the JSON answer instead of sending it. */
    private static final class RedirectCapture extends HttpServletResponseWrapper {
        String location = "/home";

        RedirectCapture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) {
            this.location = location;
        }
    }
}
