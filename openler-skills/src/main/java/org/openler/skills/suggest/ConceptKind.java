package org.openler.skills.suggest;

import java.util.Locale;

/** What a catalogue entry stands for; search can be limited to one kind. */
public enum ConceptKind {
    COMPETENCY,
    OCCUPATION;

    /** The API's spelling: {@code competency} or {@code occupation}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
