package org.openler.platform.issuing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.OrganizationId;

/**
 * An achievement as the provider defined it. Alignments point at competencies by URI; {@code registryCtid} names its
 * entry in the Credential Registry, when it has one.
 */
public record AchievementDefinition(
        UUID id,
        OrganizationId organization,
        String name,
        String description,
        String criteria,
        Optional<String> achievementType,
        Optional<URI> image,
        List<Alignment> alignments,
        Optional<String> registryCtid,
        Instant createdAt,
        List<ResultDescription> resultDescriptions) {

    public AchievementDefinition {
        alignments = List.copyOf(alignments);
        resultDescriptions = List.copyOf(resultDescriptions);
    }

    /** The result descriptions with this id, if the achievement has one. */
    public Optional<ResultDescription> resultDescription(URI id) {
        return resultDescriptions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * A result the issuer states about each recipient (OB 3.0 {@code ResultDescription}): a rubric with levels (lowest
     * first), a letter grade with its allowed letters, or a percent (0–100). Ids are {@code urn:uuid:}s minted when the
     * achievement is defined, so a credential's {@code result.resultDescription} and {@code achievedLevel} name them.
     * The pass mark, when the provider sets one, is {@code requiredValue} (a percent's number, one of a letter grade's
     * letters) or {@code requiredLevel} (one of the rubric's levels): a result below it does not meet what the
     * achievement's skills are asked for (matching reads it as level 1, {@code profile.ResultLevels}).
     */
    public record ResultDescription(
            URI id,
            String name,
            ResultType type,
            List<String> allowedValue,
            List<Level> levels,
            Optional<String> requiredValue,
            Optional<URI> requiredLevel) {

        public ResultDescription {
            allowedValue = List.copyOf(allowedValue);
            levels = List.copyOf(levels);
        }

        /** A result description without a pass mark. */
        public ResultDescription(URI id, String name, ResultType type, List<String> allowedValue, List<Level> levels) {
            this(id, name, type, allowedValue, levels, Optional.empty(), Optional.empty());
        }

        /** The pass mark as the provider typed it (a number, a letter, a level's name), or empty. */
        public String passMark() {
            return requiredValue
                    .or(() -> requiredLevel.flatMap(r -> levels.stream()
                            .filter(l -> l.id().equals(r))
                            .map(Level::name)
                            .findFirst()))
                    .orElse("");
        }

        /** The level with this id or name (name compared without case), if the rubric has one. */
        public Optional<Level> level(String idOrName) {
            String wanted = idOrName.strip();
            return levels.stream()
                    .filter(l -> l.id().toString().equals(wanted) || l.name().equalsIgnoreCase(wanted))
                    .findFirst();
        }
    }

    /** One level of a rubric. */
    public record Level(URI id, String name) {}

    /** The result types the forms offer, by their OB 3.0 ResultType names. */
    public enum ResultType {
        RUBRIC("RubricCriterionLevel"),
        LETTER_GRADE("LetterGrade"),
        PERCENT("Percent");

        private final String obName;

        ResultType(String obName) {
            this.obName = obName;
        }

        public String obName() {
            return obName;
        }

        /** The type named by its OB 3.0 name or the form's name (case-insensitive). */
        public static Optional<ResultType> named(String name) {
            for (ResultType t : values()) {
                if (t.obName.equalsIgnoreCase(name.strip()) || t.name().equalsIgnoreCase(name.strip())) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * What this achievement is aligned to: a competency (of the platform's ontology or anyone's, by URI) or its entry
     * in the Credential Registry. Type, framework and code are filled in when the platform knows the target.
     */
    public record Alignment(
            URI targetUrl,
            String targetName,
            Optional<String> targetType,
            Optional<String> targetFramework,
            Optional<String> targetCode) {

        public Alignment(URI targetUrl, String targetName) {
            this(targetUrl, targetName, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
