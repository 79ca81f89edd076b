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
        List<Alignment> alignments) {

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
            achievement.add("alignment", array);
        }
        return achievement.build();
    }
}
