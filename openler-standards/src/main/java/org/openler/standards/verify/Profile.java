package org.openler.standards.verify;

/**
 * Which structural rules a credential is held to beyond VC Data Model 2.0: those its type names ({@link #BY_TYPE}: an
 * {@code OpenBadgeCredential} gets Open Badges 3.0's, a {@code ClrCredential} CLR 2.0's, any other type the data
 * model's alone), or Open Badges 3.0 / CLR 2.0 whatever the type says ({@link #OPEN_BADGES}, when a verifier's caller
 * expects a badge).
 */
public enum Profile {
    BY_TYPE,
    OPEN_BADGES
}
