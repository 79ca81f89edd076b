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

    /** An alignment to a competency or skill framework entry. */
    public record Alignment(URI targetUrl, String targetName) {}

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

    JsonObject toJson() {
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
                array.add(Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("type", Jsons.PROVIDER.createArrayBuilder().add("Alignment"))
                        .add("targetName", a.targetName())
                        .add("targetUrl", a.targetUrl().toString()));
            }
            achievement.add("alignment", array);
        }
        return achievement.build();
    }
}
