package org.openler.platform.kernel;

/**
 * A principal of another sign-in kind that stands for a local person: an external OpenID user linked to an account
 * (by the security feature). {@link Actors} reads the person from it, so the kernel need not know how the link was
 * made.
 */
public interface LinkedPerson {

    PersonPrincipal person();
}
