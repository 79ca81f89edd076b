package org.openler.platform.profile;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A self-asserted line of the learner's history for the resume: a job or a course of education, where, and when
 * ({@code end} empty while it goes on).
 */
public record Experience(
        UUID id,
        Kind kind,
        String title,
        String organization,
        @Nullable LocalDate start,
        @Nullable LocalDate end,
        String description) {

    /** Work goes into LER-RS employment histories, education into education and learnings. */
    public enum Kind {
        WORK,
        EDUCATION
    }
}
