package org.openler.platform.skills;

/**
 * Published once a framework version's import has committed (never for a re-import that changed nothing), so that
 * listeners read committed content, e.g. to compute label vectors.
 */
public record FrameworkImported(FrameworkId frameworkId, String slug, String version) {}
