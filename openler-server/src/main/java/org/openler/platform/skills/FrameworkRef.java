package org.openler.platform.skills;

/** Which framework version something belongs to: what every competency and occupation carries. */
public record FrameworkRef(FrameworkId id, String slug, String version) {}
