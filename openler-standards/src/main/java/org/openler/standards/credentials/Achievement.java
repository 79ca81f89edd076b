package org.openler.standards.credentials;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;

/**
 * An OB 3.0 {@code Achievement}, the part a provider defines once and issues many times.
 *
 * @param alignments competencies by URI, with a human-readable name
 */
public record Achievement(
        URI id,
        String name,
        String description,
        String criteriaNarrative,
        Optional<String> achievementType,
        Optional<URI> image,
        List<Alignment> alignments,
        List<ResultDescription> resultDescriptions) {

    /** An achievement that states no results. */
    public Achievement(
            URI id,
            String name,
            String description,
            String criteriaNarrative,
            Optional<String> achievementType,
            Optional<URI> image,
            List<Alignment> alignments) {
        this(id, name, description, criteriaNarrative, achievementType, image, alignments, List.of());
    }

    /**
     * An OB 3.0 {@code ResultDescription}: a result the issuer may state about each recipient. {@code resultType} is
     * one of OB 3.0's ResultType values (e.g. {@code RubricCriterionLevel}, {@code LetterGrade}, {@code Percent}) or
     * an {@code ext:} extension; {@code allowedValue} lists the values a result may take (a letter grade's letters),
     * {@code valueMin}/{@code valueMax} bound a number, {@code levels} are a rubric's levels, lowest first, and
     * {@code alignments} name the skills the result measures. The pass mark, when the issuer states one, is
     * {@code requiredValue} (a number or a letter) or {@code requiredLevel} (the id of one of the rubric's levels).
     */
    public record ResultDescription(
            URI id,
            String name,
            String resultType,
            List<String> allowedValue,
            Optional<String> valueMin,
            Optional<String> valueMax,
            List<RubricLevel> levels,
            List<Alignment> alignments,
            Optional<String> requiredValue,
            Optional<URI> requiredLevel) {

        public ResultDescription {
            if (name.isBlank() || resultType.isBlank()) {
                throw new StandardsException(Code.INVALID_ARGUMENT, "A result description needs a name and a type");
            }
            allowedValue = List.copyOf(allowedValue);
            levels = List.copyOf(levels);
            alignments = List.copyOf(alignments);
            if (requiredLevel.isPresent() && levels.stream().noneMatch(l -> l.id().equals(requiredLevel.get()))) {
                throw new StandardsException(
                        Code.INVALID_ARGUMENT, "A result description's required level is one of its levels");
            }
        }

        /** A result description without a pass mark. */
        public ResultDescription(
                URI id,
                String name,
                String resultType,
                List<String> allowedValue,
                Optional<String> valueMin,
                Optional<String> valueMax,
                List<RubricLevel> levels,
                List<Alignment> alignments) {
            this(
                    id,
                    name,
                    resultType,
                    allowedValue,
                    valueMin,
                    valueMax,
                    levels,
                    alignments,
                    Optional.empty(),
                    Optional.empty());
        }

        JsonObject toJson() {
            JsonObjectBuilder d = Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("id", id.toString())
                    .add("type", Jsons.PROVIDER.createArrayBuilder().add("ResultDescription"))
                    .add("name", name)
                    .add("resultType", resultType);
            if (!allowedValue.isEmpty()) {
                JsonArrayBuilder values = Jsons.PROVIDER.createArrayBuilder();
                allowedValue.forEach(values::add);
                d.add("allowedValue", values);
            }
            valueMin.ifPresent(v -> d.add("valueMin", v));
            valueMax.ifPresent(v -> d.add("valueMax", v));
            requiredValue.ifPresent(v -> d.add("requiredValue", v));
            requiredLevel.ifPresent(l -> d.add("requiredLevel", l.toString()));
            if (!levels.isEmpty()) {
                JsonArrayBuilder rubric = Jsons.PROVIDER.createArrayBuilder();
                for (RubricLevel l : levels) {
                    JsonObjectBuilder level = Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("id", l.id().toString())
                            .add("type", Jsons.PROVIDER.createArrayBuilder().add("RubricCriterionLevel"))
                            .add("name", l.name());
                    l.points().ifPresent(p -> level.add("points", p));
                    rubric.add(level);
                }
                d.add("rubricCriterionLevel", rubric);
            }
            if (!alignments.isEmpty()) {
                d.add("alignment", alignmentsJson(alignments));
            }
            return d.build();
        }
    }

    /** An OB 3.0 {@code RubricCriterionLevel}: one level of a rubric, with its points when the rubric scores them. */
    public record RubricLevel(URI id, String name, Optional<String> points) {
        public RubricLevel {
            if (name.isBlank()) {
                throw new StandardsException(Code.INVALID_ARGUMENT, "A rubric level needs a name");
            }
        }
    }

    /**
     * An alignment to a competency, a framework entry or a registry entry (OB 3.0 {@code Alignment}).
     *
     * @param targetType an OB 3.0 alignment target type ({@code ceasn:Competency}, {@code ceterms:Credential},
     *     {@code CFItem}, …, or {@code ext:…}), when known
     * @param targetFramework the framework's name, when known
     * @param targetCode the entry's code within its framework, when known
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

    public Achievement {
        if (name.isBlank() || description.isBlank() || criteriaNarrative.isBlank()) {
            throw new StandardsException(
                    Code.INVALID_ARGUMENT, "An achievement needs a name, a description and criteria");
        }
        alignments = List.copyOf(alignments);
        resultDescriptions = List.copyOf(resultDescriptions);
    }

    public static Achievement of(URI id, String name, String description, String criteriaNarrative) {
        return new Achievement(id, name, description, criteriaNarrative, Optional.empty(), Optional.empty(), List.of());
    }

    /** The achievement as it appears in a credential (without {@code @context}). */
    public JsonObject toJson() {
        JsonObjectBuilder achievement = Jsons.PROVIDER
                .createObjectBuilder()
                .add("id", id.toString())
                .add("type", Jsons.PROVIDER.createArrayBuilder().add("Achievement"));
        achievementType.ifPresent(t -> achievement.add("achievementType", t));
        achievement
                .add("name", name)
                .add("description", description)
                .add("criteria", Jsons.PROVIDER.createObjectBuilder().add("narrative", criteriaNarrative));
        image.ifPresent(i -> achievement.add(
                "image",
                Jsons.PROVIDER.createObjectBuilder().add("id", i.toString()).add("type", "Image")));
        if (!alignments.isEmpty()) {
            achievement.add("alignment", alignmentsJson(alignments));
        }
        if (!resultDescriptions.isEmpty()) {
            JsonArrayBuilder descriptions = Jsons.PROVIDER.createArrayBuilder();
            resultDescriptions.forEach(d -> descriptions.add(d.toJson()));
            achievement.add("resultDescription", descriptions);
        }
        return achievement.build();
    }

    private static JsonArrayBuilder alignmentsJson(List<Alignment> alignments) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        for (Alignment a : alignments) {
            JsonObjectBuilder alignment = Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("type", Jsons.PROVIDER.createArrayBuilder().add("Alignment"))
                    .add("targetName", a.targetName())
                    .add("targetUrl", a.targetUrl().toString());
            a.targetType().ifPresent(t -> alignment.add("targetType", t));
            a.targetFramework().ifPresent(f -> alignment.add("targetFramework", f));
            a.targetCode().ifPresent(c -> alignment.add("targetCode", c));
            array.add(alignment);
        }
        return array;
    }
}
