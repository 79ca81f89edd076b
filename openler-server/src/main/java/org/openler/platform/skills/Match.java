package org.openler.platform.skills;

import java.net.URI;

/**
 * A SKOS mapping from a competency or occupation to another URI ({@code exact}, {@code close}, {@code broad},
 * {@code narrow}, {@code related}), with the other side's label where the platform knows it (empty otherwise), and
 * the crosswalk that states it.
 */
public record Match(URI uri, String relation, String label, String crosswalk) {}
