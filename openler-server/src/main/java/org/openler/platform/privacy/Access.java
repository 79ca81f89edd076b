package org.openler.platform.privacy;

import java.time.Instant;

/** One access to a person's data by someone else: when, by whom (as they named themselves or were named), and what. */
public record Access(Instant at, String party, String what) {}
