package org.openler.platform.articulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.OrganizationId;

/**
 * A credit rule as its college recorded it, at its current version: what earns credit (the source), on which
 * conditions, for which courses (or block or elective credit), from when, approved by whom, and whether credit is
 * granted automatically once the learner's credential verifies.
 */
public record ArticulationRule(
        UUID id,
        OrganizationId organization,
        String collegeSlug,
        String collegeName,
        int version,
        Status status,
        Source source,
        Conditions conditions,
        RuleType type,
        List<Course> courses,
        LocalDate effectiveFrom,
        Optional<LocalDate> effectiveUntil,
        String approvedBy,
        boolean automatic,
        String notes,
        List<Skill> skills,
        Instant updatedAt) {

    public ArticulationRule {
        courses = List.copyOf(courses);
        skills = List.copyOf(skills);
    }

    public enum Status {
        DRAFT,
        PUBLISHED,
        WITHDRAWN
    }

    public enum RuleType {
        DIRECT,
        BLOCK,
        ELECTIVE
    }

    public enum SourceKind {
        CREDENTIAL,
        ASSESSMENT,
        LEARNING_OPPORTUNITY,
        ACHIEVEMENT
    }

    /**
     * What earns the credit: a registry entry by CTID (credential, assessment, learning opportunity), or an achievement
     * of a named issuer ({@code issuer} is then the issuer's name, or the slug of an organization on this platform).
     * {@code name} and {@code issuer} are filled in from the registry for a CTID.
     */
    public record Source(SourceKind kind, Optional<String> ctid, String issuer, String name) {}

    /**
     * Optional conditions: a minimum result (a number the credential's result must reach), issued on or after a day,
     * not older than N years, and other credentials (by name) the learner must hold as well.
     */
    public record Conditions(
            Optional<BigDecimal> minimumResult,
            Optional<LocalDate> issuedAfter,
            Optional<Integer> maxAgeYears,
            List<String> alsoRequires) {

        public Conditions {
            alsoRequires = List.copyOf(alsoRequires);
        }

        public static Conditions none() {
            return new Conditions(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }
    }

    /**
     * A course the rule grants, or block or elective credit (code and title then say so). {@code ctid} names the
     * registry entry of the course or programme the credit counts toward, when there is one: training plans use it.
     */
    public record Course(
            String code,
            String title,
            BigDecimal creditHours,
            String creditType,
            String level,
            Optional<String> ctid) {}

    /** A skill the source teaches: the index's skill search. */
    public record Skill(String uri, String label) {}

    public BigDecimal totalCredits() {
        return courses.stream().map(Course::creditHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether the rule grants credit on this day: published and within its effective dates. */
    public boolean inEffect(LocalDate day) {
        return status == Status.PUBLISHED
                && !day.isBefore(effectiveFrom)
                && effectiveUntil.map(u -> !day.isAfter(u)).orElse(true);
    }
}
