package org.openler.platform.kernel;

/** Who may call a route; see {@link Access}. */
public enum Audience {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Any signed-in person. */
    SIGNED_IN,
    /** A signed-in learner. */
    LEARNER,
    /** Staff of the organization named in the path, with at least {@link Access#role()}. */
    ORGANIZATION_STAFF,
    /** A platform operator. */
    OPERATOR
}
