package org.openler.platform.jobs;

/** A registry credential (by its CTID) the job requires or prefers, with its name as published. */
public record JobCredential(String ctid, String name, boolean required) {}
