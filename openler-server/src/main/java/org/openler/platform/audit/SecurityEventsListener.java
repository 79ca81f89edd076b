package org.openler.platform.audit;

import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Turns Spring Security's authentication events into audit records. Failed sign-ins are recorded without the
 * attempted e-mail address: that is personal data, and often someone else's.
 */
@Component
class SecurityEventsListener {

    private final AuditLog audit;

    SecurityEventsListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        Actor actor = Actors.of(event.getAuthentication());
        if (actor instanceof Actor.Person) {
            audit.record(AuditEvent.success(AuditAction.SIGN_IN, actor, null, null));
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        audit.record(new AuditEvent(
                AuditAction.SIGN_IN_FAILED,
                "anonymous",
                null,
                null,
                AuditEvent.Outcome.FAILURE,
                event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        Actor actor = Actors.of(event.getAuthentication());
        if (actor instanceof Actor.Person) {
            audit.record(AuditEvent.success(AuditAction.SIGN_OUT, actor, null, null));
        }
    }
}
