package org.openler.platform.matching;

import java.util.UUID;

/** An open job as matching sees it: its id, title, the employer's name, and what it asks for. */
public record JobTarget(UUID id, String title, String employer, MatchTarget target) {}
