package org.openler.platform.verification;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.standards.json.JsonLimits;
import org.openler.standards.json.StrictJson;

/**
 * What a credential says, read from its signed JSON for people to see first (as badge platforms show it): the image,
 * the achievement's name, type, description and criteria, the skills it is aligned to with where each comes from,
 * and its results. Read only for display from a document the wallet holds; the bytes stay the record. Compact
 * formats (VC-JWT, SD-JWT VC) show their facts only.
 */
public record CredentialContent(
        String name,
        String achievementType,
        String description,
        String criteria,
        Optional<String> image,
        List<Skill> skills,
        List<Result> results,
        String issuerName,
        Optional<String> issuerImage) {

    private static final int MAX_TEXT = 4000;
    private static final int MAX_ITEMS = 50;

    public CredentialContent {
        skills = List.copyOf(skills);
        results = List.copyOf(results);
    }

    /** A skill the achievement is aligned to, and its provenance: the framework it is from and its address. */
    public record Skill(String name, String framework, String url) {}

    /** A result the learner reached (a grade, a score, a status). */
    public record Result(String name, String value) {}

    /** The achievement type in words: "Certificate", "Course", "Badge" ("MasterDegree" is "Master Degree"). */
    public String achievementTypeWords() {
        return achievementType.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
    }

    /** The content of a JSON credential (Open Badges 3.0 / VC), or empty for a compact one. */
    public static Optional<CredentialContent> read(String document) {
        String trimmed = document.strip();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        JsonObject credential;
        try {
            credential = StrictJson.parseObject(trimmed.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(of(credential));
    }

    /** The content of a credential already parsed (a verified one, say, inside a presentation). */
    public static CredentialContent of(JsonObject credential) {
        JsonObject subject = first(credential.get("credentialSubject"));
        JsonObject achievement = first(subject.get("achievement"));
        String name = text(achievement, "name").isEmpty() ? text(credential, "name") : text(achievement, "name");
        String description = text(achievement, "description").isEmpty()
                ? text(credential, "description")
                : text(achievement, "description");
        JsonObject criteria = first(achievement.get("criteria"));
        Optional<String> image = image(achievement.get("image")).or(() -> image(credential.get("image")));
        List<Skill> skills = new ArrayList<>();
        if (achievement.get("alignment") instanceof JsonArray alignments) {
            for (JsonValue value : alignments) {
                if (value instanceof JsonObject a && skills.size() < MAX_ITEMS) {
                    String label = text(a, "targetName");
                    if (!label.isEmpty()) {
                        skills.add(new Skill(label, text(a, "targetFramework"), httpUrl(text(a, "targetUrl"))));
                    }
                }
            }
        }
        List<Result> results = new ArrayList<>();
        // A result names its description (and a rubric's level) by id: show their names, from the achievement.
        java.util.Map<String, JsonObject> descriptions = new java.util.HashMap<>();
        if (achievement.get("resultDescription") instanceof JsonArray list) {
            for (JsonValue value : list) {
                if (value instanceof JsonObject d && !text(d, "id").isEmpty()) {
                    descriptions.put(text(d, "id"), d);
                }
            }
        }
        if (subject.get("result") instanceof JsonArray list) {
            for (JsonValue value : list) {
                if (value instanceof JsonObject r && results.size() < MAX_ITEMS) {
                    JsonObject described =
                            descriptions.getOrDefault(text(r, "resultDescription"), JsonValue.EMPTY_JSON_OBJECT);
                    String level = levelName(described, text(r, "achievedLevel"));
                    String reached = !level.isEmpty()
                            ? level
                            : !text(r, "value").isEmpty() ? text(r, "value") : text(r, "status");
                    if (!reached.isEmpty()) {
                        if ("Percent".equals(text(described, "resultType")) && reached.matches("[0-9.]+")) {
                            reached = reached + " %";
                        }
                        String label = text(described, "name").isEmpty()
                                ? text(r, "resultDescription")
                                : text(described, "name");
                        results.add(new Result(label, reached));
                    }
                }
            }
        }
        return new CredentialContent(
                name,
                text(achievement, "achievementType"),
                description,
                text(criteria, "narrative"),
                image,
                skills,
                results,
                text(first(credential.get("issuer")), "name"),
                // the issuer's logo (issuer.image), embedded only like the achievement's image
                image(first(credential.get("issuer")).get("image")));
    }

    /** The name of the rubric level with this id, empty when the description has no such level. */
    private static String levelName(JsonObject description, String levelId) {
        if (levelId.isEmpty() || !(description.get("rubricCriterionLevel") instanceof JsonArray levels)) {
            return "";
        }
        for (JsonValue value : levels) {
            if (value instanceof JsonObject l && text(l, "id").equals(levelId)) {
                return text(l, "name");
            }
        }
        return "";
    }

    private static JsonObject first(@Nullable JsonValue value) {
        if (value instanceof JsonObject o) {
            return o;
        }
        if (value instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject o) {
            return o;
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private static Optional<String> image(@Nullable JsonValue value) {
        String url = value instanceof JsonString s ? s.getString() : value instanceof JsonObject o ? text(o, "id") : "";
        // an embedded image only: the pages' content security policy loads no image from elsewhere
        return url.startsWith("data:image/") && url.length() <= 200_000 ? Optional.of(url) : Optional.empty();
    }

    private static String httpUrl(String url) {
        return url.startsWith("https://") || url.startsWith("http://") ? url : "";
    }

    private static String text(JsonObject object, String key) {
        if (object.get(key) instanceof JsonString s) {
            String value = s.getString().strip();
            return value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) + "…" : value;
        }
        return "";
    }
}
