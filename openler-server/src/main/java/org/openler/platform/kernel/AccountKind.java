package org.openler.platform.kernel;

/** The two kinds of account: a learner or jobseeker, and a staff member of providers and employers. */
public enum AccountKind {
    LEARNER,
    STAFF
}
