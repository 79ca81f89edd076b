package org.openler.platform.profile;

import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openler.platform.wallet.HeldCredential;
import org.openler.standards.StandardsException;
import org.openler.standards.json.JsonLimits;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.Disclosure;
import org.openler.standards.sdjwt.SdJwt;

/**
 * What a held credential says about skills, read from its exact bytes: the alignments of its achievement (OB 3.0
 * {@code credentialSubject.achievement.alignment}, and those of each credential a CLR bundles), or, for an
 * EndorsementCredential, what it endorses. Read only from credentials that verified just now, and only for display.
 */
record CredentialClaims(
        @Nullable URI credentialId,
        List<Alignment> alignments,
        @Nullable Endorsement endorsement) {

    /**
     * An OB 3.0 Alignment: where it points, its name there, its declared target type (if any), the achievement that
     * states it (if that has an id), and the level (1–5) the credential says the learner reached in it, 0 when it says
     * none (see {@link #levels}).
     */
    record Alignment(
            URI targetUrl,
            String targetName,
            String targetType,
            @Nullable URI achievement,
            int level) {

        static final String COMPETENCY = "ceasn:Competency";

        boolean declaresCompetency() {
            return COMPETENCY.equals(targetType);
        }
    }

    /** An EndorsementSubject: the thing endorsed (a competency, an achievement) and the endorser's words. */
    record Endorsement(URI subject, String comment) {}

    /** More alignments than any achievement states; a guard, since a CLR bundles many. */
    private static final int MAX_ALIGNMENTS = 200;

    static CredentialClaims read(HeldCredential.Format format, String document) {
        if (format.openBadges2()) {
            // An Open Badges 2.0 assertion names its BadgeClass by URL; its alignments are not read (yet).
            return new CredentialClaims(null, List.of(), null);
        }
        try {
            JsonObject credential = json(format, document);
            return of(credential);
        } catch (StandardsException | IllegalArgumentException e) {
            // verified just now, so this does not happen; a credential we cannot read contributes no skills
            return new CredentialClaims(null, List.of(), null);
        }
    }

    /** The credential as JSON: the document itself, or a VC-JWT's {@code vc} claim (its payload). */
    static JsonObject json(HeldCredential.Format format, String document) {
        return switch (format) {
            case DATA_INTEGRITY -> StrictJson.parseObject(document);
            case VC_JWT -> jwtCredential(document);
            case SD_JWT -> sdJwtCredential(document);
            case OB2 -> StrictJson.parseObject(document);
            case OB2_SIGNED ->
                StrictJson.parseObject(new Base64URL(document.strip().split("\\.")[1]).decode());
        };
    }

    /**
     * An SD-JWT VC as held (all its disclosures) read as the Open Badges shape this class reads: its achievement (the
     * {@code vct}, {@code achievement_name}) and {@code alignments} as OB 3.0 alignments. Not a credential to embed
     * anywhere: only the claims are read.
     */
    private static JsonObject sdJwtCredential(String text) {
        SdJwt sdJwt = SdJwt.parse(text);
        JsonObject payload =
                StrictJson.parseObject(new Base64URL(sdJwt.issuerJwt().split("\\.")[1]).decode(), JsonLimits.DEFAULT);
        var achievement = Jsons.PROVIDER.createObjectBuilder();
        if (payload.get("vct") instanceof JsonString vct) {
            achievement.add("id", vct);
        }
        for (Disclosure disclosure : sdJwt.disclosures()) {
            String name = disclosure.claimName().orElse("");
            if (name.equals("achievement_name")) {
                achievement.add("name", disclosure.value());
            } else if (name.equals("alignments") && disclosure.value() instanceof JsonArray list) {
                var alignments = Jsons.PROVIDER.createArrayBuilder();
                for (JsonValue item : list) {
                    if (item instanceof JsonObject a) {
                        var one = Jsons.PROVIDER.createObjectBuilder();
                        a.forEach((key, value) -> one.add(
                                switch (key) {
                                    case "target_url" -> "targetUrl";
                                    case "target_name" -> "targetName";
                                    case "target_type" -> "targetType";
                                    case "target_framework" -> "targetFramework";
                                    case "target_code" -> "targetCode";
                                    default -> key;
                                },
                                value));
                        alignments.add(one);
                    }
                }
                achievement.add("alignment", alignments);
            }
        }
        var credential = Jsons.PROVIDER
                .createObjectBuilder()
                .add("credentialSubject", Jsons.PROVIDER.createObjectBuilder().add("achievement", achievement));
        if (payload.get("jti") instanceof JsonString jti) {
            credential.add("id", jti);
        }
        return credential.build();
    }

    static CredentialClaims of(JsonObject credential) {
        URI id = uri(credential.get("id"));
        if (hasType(credential, "EndorsementCredential")
                && credential.get("credentialSubject") instanceof JsonObject subject) {
            URI endorsed = uri(subject.get("id"));
            String comment = subject.get("endorsementComment") instanceof JsonString s ? s.getString() : "";
            return new CredentialClaims(
                    id, List.of(), endorsed == null ? null : new Endorsement(endorsed, clip(comment)));
        }
        List<Alignment> alignments = new ArrayList<>();
        collect(credential, alignments);
        if (credential.get("credentialSubject") instanceof JsonObject subject
                && subject.get("verifiableCredential") instanceof JsonArray bundled) {
            for (JsonValue inner : bundled) {
                if (inner instanceof JsonObject innerCredential) {
                    collect(innerCredential, alignments);
                }
            }
        }
        return new CredentialClaims(
                id, List.copyOf(alignments.subList(0, Math.min(alignments.size(), MAX_ALIGNMENTS))), null);
    }

    private static void collect(JsonObject credential, List<Alignment> alignments) {
        if (!(credential.get("credentialSubject") instanceof JsonObject subject)
                || !(subject.get("achievement") instanceof JsonObject achievement)) {
            return;
        }
        URI achievementId = uri(achievement.get("id"));
        Map<String, Integer> levels = levels(subject, achievement);
        for (JsonValue item : items(achievement.get("alignment"))) {
            if (item instanceof JsonObject a && uri(a.get("targetUrl")) instanceof URI target) {
                alignments.add(new Alignment(
                        target,
                        clip(a.get("targetName") instanceof JsonString s ? s.getString() : target.toString()),
                        a.get("targetType") instanceof JsonString t ? t.getString() : "",
                        achievementId,
                        levels.getOrDefault(target.toString(), 0)));
            }
        }
    }

    /**
     * The level reached per aligned skill, as OB 3.0 states it: a {@code result} of the subject names a
     * {@code resultDescription} of the achievement and the {@code achievedLevel}, one of that description's
     * {@code rubricCriterionLevel}s; the description's {@code alignment}s say which skills it measures. The rubric's
     * levels map onto 1–5 by their {@code points} when every level has them (lowest 1, highest 5), else by their order
     * in the rubric, first lowest. A letter grade or a numeric score ({@code value}) maps onto 1–5 by
     * {@link ResultLevels}; it measures its description's aligned skills or, when it names none (a course grade), every
     * skill the achievement aligns to that no rubric levelled: a rubric says more about one skill than a grade does.
     * A skill measured twice keeps its higher level.
     */
    static Map<String, Integer> levels(JsonObject subject, JsonObject achievement) {
        Map<String, JsonObject> descriptions = new HashMap<>();
        for (JsonValue d : items(achievement.get("resultDescription"))) {
            if (d instanceof JsonObject description && description.get("id") instanceof JsonString id) {
                descriptions.put(id.getString(), description);
            }
        }
        Map<String, Integer> levels = new HashMap<>();
        if (descriptions.isEmpty()) {
            return levels;
        }
        int overall = 0;
        for (JsonValue r : items(subject.get("result"))) {
            if (!(r instanceof JsonObject result)
                    || !(result.get("resultDescription") instanceof JsonString describedBy)
                    || descriptions.get(describedBy.getString()) == null) {
                continue;
            }
            JsonObject description = descriptions.get(describedBy.getString());
            int level = result.get("achievedLevel") instanceof JsonString achieved
                    ? rubricLevel(
                            items(description.get("rubricCriterionLevel")),
                            achieved.getString(),
                            text(description.get("requiredLevel"), null))
                    : result.get("value") instanceof JsonString value ? valueLevel(description, value.getString()) : 0;
            if (level == 0) {
                continue;
            }
            List<JsonValue> measured = items(description.get("alignment"));
            if (measured.isEmpty() && !(result.get("achievedLevel") instanceof JsonString)) {
                overall = Math.max(overall, level);
            }
            for (JsonValue a : measured) {
                if (a instanceof JsonObject alignment && uri(alignment.get("targetUrl")) instanceof URI target) {
                    levels.merge(target.toString(), level, Math::max);
                }
            }
        }
        if (overall > 0) {
            for (JsonValue a : items(achievement.get("alignment"))) {
                if (a instanceof JsonObject alignment && uri(alignment.get("targetUrl")) instanceof URI target) {
                    levels.putIfAbsent(target.toString(), overall);
                }
            }
        }
        return levels;
    }

    /** Numeric kinds of OB 3.0 ResultType whose {@code value} is read against {@code valueMin}–{@code valueMax}. */
    private static final Set<String> SCORES =
            Set.of("Percent", "GradePointAverage", "RawScore", "ScaledScore", "RubricScore");

    /**
     * The level a stated {@code value} reaches: a letter grade A–F, or a score in its description's range (a percent
     * 0–100 unless it says otherwise) passed at its {@code requiredValue} (a letter below a required letter is 1, as a
     * score below its pass mark is); 0 for anything else.
     */
    private static int valueLevel(JsonObject description, String value) {
        String type = description.get("resultType") instanceof JsonString t ? t.getString() : "";
        if (type.equals("LetterGrade")) {
            return ResultLevels.letter(value, text(description.get("requiredValue"), null))
                    .orElse(0);
        }
        if (!SCORES.contains(type)) {
            return 0;
        }
        String min = text(description.get("valueMin"), type.equals("Percent") ? "0" : null);
        String max = text(description.get("valueMax"), type.equals("Percent") ? "100" : null);
        if (min == null || max == null) {
            return 0;
        }
        return ResultLevels.score(value, min, max, text(description.get("requiredValue"), null))
                .orElse(0);
    }

    private static @Nullable String text(@Nullable JsonValue value, @Nullable String otherwise) {
        return value instanceof JsonString s
                ? s.getString()
                : value instanceof JsonNumber n ? n.bigDecimalValue().toPlainString() : otherwise;
    }

    /**
     * The level of the rubric's level {@code achieved}; below the description's {@code requiredLevel} (when it names
     * one of the rubric's levels) it is 1, as a score below its pass mark is.
     */
    private static int rubricLevel(List<JsonValue> rubric, String achieved, @Nullable String required) {
        int index = -1;
        int requiredIndex = -1;
        List<Double> points = new ArrayList<>();
        for (int i = 0; i < rubric.size(); i++) {
            if (!(rubric.get(i) instanceof JsonObject level)) {
                return 0;
            }
            if (level.get("id") instanceof JsonString id && id.getString().equals(achieved)) {
                index = i;
            }
            if (level.get("id") instanceof JsonString id && id.getString().equals(required)) {
                requiredIndex = i;
            }
            JsonValue p = level.get("points");
            if (p instanceof JsonString text) {
                try {
                    points.add(Double.parseDouble(text.getString().strip()));
                } catch (NumberFormatException e) {
                    // not a number: the rubric's order decides
                }
            } else if (p instanceof JsonNumber number) {
                points.add(number.doubleValue());
            }
        }
        if (index < 0) {
            return 0;
        }
        if (index < requiredIndex) {
            return 1;
        }
        if (rubric.size() == 1) {
            return 5;
        }
        if (points.size() == rubric.size()) {
            double low = points.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double high = points.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (high > low) {
                return (int) Math.round(1 + 4 * (points.get(index) - low) / (high - low));
            }
        }
        return (int) Math.round(1 + 4.0 * index / (rubric.size() - 1));
    }

    private static List<JsonValue> items(@Nullable JsonValue value) {
        return value instanceof JsonArray array ? array : value instanceof JsonObject one ? List.of(one) : List.of();
    }

    private static JsonObject jwtCredential(String compact) {
        String[] parts = compact.strip().split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a compact JWS");
        }
        JsonObject claims = StrictJson.parseObject(new Base64URL(parts[1]).decode(), JsonLimits.DEFAULT);
        if (!(claims.get("vc") instanceof JsonObject credential)) {
            throw new IllegalArgumentException("No vc claim");
        }
        return credential;
    }

    static boolean hasType(JsonObject object, String type) {
        JsonValue value = object.get("type");
        return value instanceof JsonString s && s.getString().equals(type)
                || value instanceof JsonArray a
                        && a.stream()
                                .anyMatch(t -> t instanceof JsonString s
                                        && s.getString().equals(type));
    }

    private static @Nullable URI uri(@Nullable JsonValue value) {
        if (!(value instanceof JsonString s) || s.getString().length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(s.getString().strip());
            return uri.isAbsolute() ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String clip(String text) {
        String stripped = text.strip();
        return stripped.length() > 500 ? stripped.substring(0, 500) : stripped;
    }
}
