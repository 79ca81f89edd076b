package org.openler.platform.kernel;

/** Who is making the request: nobody in particular, a signed-in person, or an organization's machine client. */
public sealed interface Actor permits Actor.Anonymous, Actor.Person, Actor.Machine {

    /** How the audit log names this actor: by id, never by e-mail address or name. */
    String auditName();

    record Anonymous() implements Actor {
        @Override
        public String auditName() {
            return "anonymous";
        }
    }

    record Person(AccountId accountId, AccountKind kind, boolean operator) implements Actor {
        @Override
        public String auditName() {
            return "account:" + accountId;
        }
    }

    record Machine(String clientId, OrganizationId organizationId) implements Actor {
        @Override
        public String auditName() {
            return "client:" + clientId;
        }
    }
}
