package org.openler.platform.matching;

import java.net.URI;

/**
 * An edge of the skills ontology seen from a skill the learner has: {@code other} is reached from {@code held} by
 * {@code relation} ({@code NARROWER}: {@code held} is narrower than {@code other}).
 */
public record Neighbour(URI held, URI other, Relation relation) {}
