package org.openler.platform.skills;

/** What an import did: stored a new framework version, or found the same content already stored. */
public sealed interface ImportOutcome {

    Framework framework();

    /** Seconds the import took, reading included. */
    double seconds();

    record Imported(Framework framework, double seconds) implements ImportOutcome {}

    record Unchanged(Framework framework, double seconds) implements ImportOutcome {}
}
