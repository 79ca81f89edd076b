package org.openler.platform.security;

import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.PersonPrincipal;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;

/**
 * The signed-in person, for the routes only a person may use: a machine client or no one at all gets 401 (the
 * route's {@link org.openler.platform.kernel.Access} rule has usually refused them already; this is the type check the
 * handler needs, not a second policy). The kernel names the acting user but cannot throw a problem, so this lives with
 * the rest of the enforcement.
 */
public final class SignedIn {

    private SignedIn() {}

    /** The acting person, or a 401 problem. */
    public static Actor.Person person() {
        if (Actors.current() instanceof Actor.Person person) {
            return person;
        }
        throw signInFirst();
    }

    /** The acting person's principal (its account and user name), or a 401 problem. */
    public static PersonPrincipal principal() {
        return Actors.currentPerson().orElseThrow(SignedIn::signInFirst);
    }

    private static PlatformException signInFirst() {
        return new PlatformException(Problem.UNAUTHENTICATED, "Please sign in.");
    }
}
