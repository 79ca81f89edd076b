package org.openler.platform.issuing;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.registry.Ctid;
import org.openler.platform.registry.PublishedCredential;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Frameworks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A provider's achievements (Open Badges 3.0 {@code Achievement}). */
@Service
public class Achievements {

    /** The achievement types Open Badges 3.0 names (its AchievementType enumeration), plus extensions with "ext:". */
    static final Set<String> TYPES = Set.of(
            "Achievement",
            "ApprenticeshipCertificate",
            "Assessment",
            "Assignment",
            "AssociateDegree",
            "Award",
            "Badge",
            "BachelorDegree",
            "Certificate",
            "CertificateOfCompletion",
            "Certification",
            "CommunityService",
            "Competency",
            "Course",
            "CoCurricular",
            "Degree",
            "Diploma",
            "DoctoralDegree",
            "Fieldwork",
            "GeneralEducationDevelopment",
            "JourneymanCertificate",
            "LearningProgram",
            "License",
            "Membership",
            "ProfessionalDoctorate",
            "QualityAssuranceCredential",
            "MasterCertificate",
            "MasterDegree",
            "MicroCredential",
            "ResearchDoctorate",
            "SecondarySchoolDiploma");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Competencies competencies;
    private final Frameworks frameworks;
    private final RegistryEntries registry;

    Achievements(
            JdbcClient jdbc,
            AuditLog audit,
            Clock clock,
            Competencies competencies,
            Frameworks frameworks,
            RegistryEntries registry) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.competencies = competencies;
        this.frameworks = frameworks;
        this.registry = registry;
    }

    /** What a provider types to define an achievement. */
    public record Draft(
            String name,
            String description,
            String criteria,
            String achievementType,
            String image,
            List<AchievementDefinition.Alignment> alignments,
            String registryCtid,
            List<ResultDraft> results) {

        public Draft {
            results = List.copyOf(results);
        }

        public Draft(
                String name,
                String description,
                String criteria,
                String achievementType,
                String image,
                List<AchievementDefinition.Alignment> alignments,
                String registryCtid) {
            this(name, description, criteria, achievementType, image, alignments, registryCtid, List.of());
        }

        public Draft(
                String name,
                String description,
                String criteria,
                String achievementType,
                String image,
                List<AchievementDefinition.Alignment> alignments) {
            this(name, description, criteria, achievementType, image, alignments, "");
        }
    }

    /**
     * A result description as typed: its type (OB 3.0 name, e.g. {@code RubricCriterionLevel}, {@code LetterGrade},
     * {@code Percent}), its name, and its values: a rubric's levels, lowest first, or a letter grade's letters (A–F
     * when none are given); a percent takes none (0–100). {@code passMark} ("" for none) is the lowest result that
     * passes: a number from 0 to 100 for a percent, one of the letters, one of the rubric's levels.
     */
    public record ResultDraft(String type, String name, List<String> values, String passMark) {
        public ResultDraft {
            values =
                    values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            passMark = passMark.strip();
        }

        public ResultDraft(String type, String name, List<String> values) {
            this(type, name, values, "");
        }
    }

    static final int MAX_RESULT_DESCRIPTIONS = 10;
    static final int MAX_RESULT_VALUES = 20;
    static final List<String> LETTERS = List.of("A", "B", "C", "D", "F");

    /** The result descriptions of a draft, each with fresh ids; mistakes go to {@code errors} under "results". */
    static List<AchievementDefinition.ResultDescription> resultDescriptions(
            List<ResultDraft> drafts, List<PlatformException.FieldError> errors) {
        if (drafts.size() > MAX_RESULT_DESCRIPTIONS) {
            errors.add(new PlatformException.FieldError(
                    "results", "At most " + MAX_RESULT_DESCRIPTIONS + " result descriptions."));
            return List.of();
        }
        List<AchievementDefinition.ResultDescription> out = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (ResultDraft d : drafts) {
            Optional<AchievementDefinition.ResultType> type = AchievementDefinition.ResultType.named(d.type());
            String name = d.name().strip();
            if (type.isEmpty()) {
                errors.add(new PlatformException.FieldError(
                        "results", "A result is a RubricCriterionLevel, a LetterGrade or a Percent."));
                continue;
            }
            if (name.isEmpty() || name.length() > 200) {
                errors.add(new PlatformException.FieldError("results", "Name each result (up to 200 characters)."));
                continue;
            }
            if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new PlatformException.FieldError("results", "Two results are named \"" + name + "\"."));
                continue;
            }
            List<String> values = d.values();
            if (values.size() > MAX_RESULT_VALUES
                    || values.stream().anyMatch(v -> v.length() > 100)
                    || values.stream()
                                    .map(v -> v.toLowerCase(java.util.Locale.ROOT))
                                    .distinct()
                                    .count()
                            != values.size()) {
                errors.add(new PlatformException.FieldError(
                        "results",
                        "\"" + name + "\": at most " + MAX_RESULT_VALUES
                                + " different values of up to 100 characters."));
                continue;
            }
            String mark = d.passMark();
            switch (type.get()) {
                case RUBRIC -> {
                    if (values.size() < 2) {
                        errors.add(new PlatformException.FieldError(
                                "results", "\"" + name + "\": give the rubric's levels, at least two, lowest first."));
                        continue;
                    }
                    List<AchievementDefinition.Level> levels = values.stream()
                            .map(v -> new AchievementDefinition.Level(urn(), v))
                            .toList();
                    Optional<AchievementDefinition.Level> required =
                            named(mark, levels, AchievementDefinition.Level::name);
                    if (!mark.isEmpty() && required.isEmpty()) {
                        errors.add(notAmong(name, "levels", values));
                        continue;
                    }
                    out.add(new AchievementDefinition.ResultDescription(
                            urn(),
                            name,
                            type.get(),
                            List.of(),
                            levels,
                            Optional.empty(),
                            required.map(AchievementDefinition.Level::id)));
                }
                case LETTER_GRADE -> {
                    List<String> letters = values.isEmpty() ? LETTERS : values;
                    Optional<String> required = named(mark, letters, letter -> letter);
                    if (!mark.isEmpty() && required.isEmpty()) {
                        errors.add(notAmong(name, "letters", letters));
                        continue;
                    }
                    out.add(new AchievementDefinition.ResultDescription(
                            urn(), name, type.get(), letters, List.of(), required, Optional.empty()));
                }
                case PERCENT -> {
                    Optional<String> required = percent(mark);
                    if (!mark.isEmpty() && required.isEmpty()) {
                        errors.add(new PlatformException.FieldError(
                                "results", "\"" + name + "\": the pass mark of a percent is a number from 0 to 100."));
                        continue;
                    }
                    out.add(new AchievementDefinition.ResultDescription(
                            urn(), name, type.get(), List.of(), List.of(), required, Optional.empty()));
                }
            }
        }
        return out;
    }

    /** The choice (a rubric's level, a letter) the pass mark names, case aside, if it names one. */
    private static <T> Optional<T> named(String mark, List<T> choices, Function<T, String> name) {
        return choices.stream()
                .filter(c -> name.apply(c).equalsIgnoreCase(mark))
                .findFirst();
    }

    private static PlatformException.FieldError notAmong(String result, String what, List<String> choices) {
        return new PlatformException.FieldError(
                "results",
                "\"" + result + "\": the pass mark is one of its " + what + " (" + String.join(", ", choices) + ").");
    }

    /** A percent's pass mark as OB 3.0 writes a number ("70", "72.5"; a "%" after it is dropped), if it is one. */
    private static Optional<String> percent(String mark) {
        String number =
                mark.endsWith("%") ? mark.substring(0, mark.length() - 1).strip() : mark;
        if (number.isEmpty() || number.length() > 10) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(number);
            return value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0
                    ? Optional.empty()
                    : Optional.of(value.stripTrailingZeros().toPlainString());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static URI urn() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }

    @Transactional
    public AchievementDefinition create(OrganizationId organization, Draft draft, Actor by) {
        List<PlatformException.FieldError> errors = new ArrayList<>();
        text(draft.name(), "name", 300, errors);
        text(draft.description(), "description", 4000, errors);
        text(draft.criteria(), "criteria", 4000, errors);
        String type = draft.achievementType().strip();
        if (!type.isEmpty() && !TYPES.contains(type) && !type.startsWith("ext:")) {
            errors.add(new PlatformException.FieldError("achievementType", "Use an Open Badges 3.0 achievement type."));
        }
        Optional<URI> image = Optional.empty();
        if (!draft.image().isBlank()) {
            image = httpUri(draft.image().strip());
            if (image.isEmpty()) {
                errors.add(new PlatformException.FieldError("image", "Give the image as an http(s) address."));
            }
        }
        if (draft.alignments().size() > 100) {
            errors.add(new PlatformException.FieldError("alignments", "At most 100 alignments."));
        }
        Optional<PublishedCredential> entry = registryEntry(organization, draft.registryCtid(), errors);
        List<AchievementDefinition.ResultDescription> results = resultDescriptions(draft.results(), errors);
        if (!errors.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Some fields are not valid.", errors);
        }
        List<AchievementDefinition.Alignment> resolved = new ArrayList<>();
        draft.alignments().forEach(a -> resolved.add(resolve(a)));
        entry.ifPresent(e -> resolved.add(new AchievementDefinition.Alignment(
                e.url(),
                e.credential().name(),
                Optional.of("ceterms:Credential"),
                Optional.empty(),
                Optional.of(e.ctid().value()))));
        AchievementDefinition achievement = new AchievementDefinition(
                UUID.randomUUID(),
                organization,
                draft.name().strip(),
                draft.description().strip(),
                draft.criteria().strip(),
                type.isEmpty() ? Optional.empty() : Optional.of(type),
                image,
                resolved,
                entry.map(e -> e.ctid().value()),
                clock.instant(),
                results);
        ArrayNode alignments = JSON.createArrayNode();
        achievement.alignments().forEach(a -> {
            ObjectNode node = alignments
                    .addObject()
                    .put("targetUrl", a.targetUrl().toString())
                    .put("targetName", a.targetName());
            a.targetType().ifPresent(t -> node.put("targetType", t));
            a.targetFramework().ifPresent(f -> node.put("targetFramework", f));
            a.targetCode().ifPresent(c -> node.put("targetCode", c));
        });
        jdbc.sql("insert into achievement (id, organization_id, name, description, criteria, achievement_type,"
                        + " image_url, alignments, registry_ctid, created_at, result_descriptions)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        achievement.id(),
                        organization.value(),
                        achievement.name(),
                        achievement.description(),
                        achievement.criteria(),
                        achievement.achievementType().orElse(null),
                        achievement.image().map(URI::toString).orElse(null),
                        JSON.writeValueAsString(alignments),
                        achievement.registryCtid().orElse(null),
                        Timestamp.from(achievement.createdAt()),
                        results.isEmpty() ? null : resultsJson(results))
                .update();
        audit.record(AuditEvent.success(
                AuditAction.ACHIEVEMENT_CREATED, by, organization, "achievement:" + achievement.id()));
        return achievement;
    }

    public List<AchievementDefinition> list(OrganizationId organization) {
        return jdbc.sql("select * from achievement where organization_id = ? order by created_at")
                .param(organization.value())
                .query(Achievements::map)
                .list();
    }

    public Optional<AchievementDefinition> find(OrganizationId organization, UUID id) {
        return jdbc.sql("select * from achievement where organization_id = ? and id = ?")
                .params(organization.value(), id)
                .query(Achievements::map)
                .optional();
    }

    /**
     * An alignment to a competency of the platform's ontology names it as the ontology does: its preferred label
     * (unless the provider gave a name), {@code ceasn:Competency}, the framework and the code. Other URIs stay as given.
     */
    private AchievementDefinition.Alignment resolve(AchievementDefinition.Alignment given) {
        return competencies
                .byUri(given.targetUrl())
                .map(c -> new AchievementDefinition.Alignment(
                        given.targetUrl(),
                        given.targetName().isBlank() ? c.label() : given.targetName(),
                        Optional.of("ceasn:Competency"),
                        frameworks
                                .find(c.framework().id())
                                .map(f -> withVersion(f.name(), f.version()))
                                .or(() -> Optional.of(withVersion(
                                        c.framework().slug(), c.framework().version()))),
                        c.code().isBlank() ? Optional.empty() : Optional.of(c.code())))
                .orElse(given);
    }

    /**
     * A framework's name with its version, once: "O*NET 29.3 Database" stays as it is (it read "O*NET 29.3 Database
     * 29.3"), "ESCO" becomes "ESCO 1.1.1".
     */
    static String withVersion(String name, String version) {
        return version.isBlank() || name.contains(version) ? name : name + " " + version;
    }

    /** The organization's own published registry entry the achievement points at, if one is named. */
    private Optional<PublishedCredential> registryEntry(
            OrganizationId organization, String ctid, List<PlatformException.FieldError> errors) {
        if (ctid.isBlank()) {
            return Optional.empty();
        }
        Optional<PublishedCredential> entry = Ctid.parse(ctid.strip())
                .flatMap(registry::findPublished)
                .filter(e -> e.organization().equals(organization));
        if (entry.isEmpty()) {
            errors.add(new PlatformException.FieldError(
                    "registryCtid", "Give the CTID of one of your organization's published registry entries."));
        }
        return entry;
    }

    /**
     * An alignment target: an http(s) address, or a URN (frameworks whose publisher mints no web addresses, such as
     * NICE, are named by {@code urn:} URIs in the platform's ontology).
     */
    static Optional<URI> alignmentUri(String value) {
        if (value.startsWith("urn:") && value.length() <= 2000) {
            try {
                return Optional.of(new URI(value));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
        return httpUri(value);
    }

    static Optional<URI> httpUri(String value) {
        try {
            URI uri = URI.create(value);
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return http && uri.getHost() != null && value.length() <= 2000 ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void text(String value, String field, int max, List<PlatformException.FieldError> errors) {
        if (value.isBlank() || value.strip().length() > max) {
            errors.add(new PlatformException.FieldError(field, "Required, up to " + max + " characters."));
        }
    }

    private static AchievementDefinition map(ResultSet rs, int row) throws SQLException {
        List<AchievementDefinition.Alignment> alignments = new ArrayList<>();
        for (JsonNode node : JSON.readTree(rs.getString("alignments"))) {
            alignments.add(new AchievementDefinition.Alignment(
                    URI.create(node.get("targetUrl").asString()),
                    node.get("targetName").asString(),
                    optional(node, "targetType"),
                    optional(node, "targetFramework"),
                    optional(node, "targetCode")));
        }
        String image = rs.getString("image_url");
        return new AchievementDefinition(
                rs.getObject("id", UUID.class),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("criteria"),
                Optional.ofNullable(rs.getString("achievement_type")),
                image == null ? Optional.empty() : Optional.of(URI.create(image)),
                alignments,
                Optional.ofNullable(rs.getString("registry_ctid")),
                rs.getTimestamp("created_at").toInstant(),
                readResults(rs.getString("result_descriptions")));
    }

    static String resultsJson(List<AchievementDefinition.ResultDescription> results) {
        ArrayNode array = JSON.createArrayNode();
        for (AchievementDefinition.ResultDescription d : results) {
            ObjectNode node = array.addObject()
                    .put("id", d.id().toString())
                    .put("name", d.name())
                    .put("resultType", d.type().obName());
            ArrayNode allowed = node.putArray("allowedValue");
            d.allowedValue().forEach(allowed::add);
            ArrayNode levels = node.putArray("levels");
            d.levels()
                    .forEach(
                            l -> levels.addObject().put("id", l.id().toString()).put("name", l.name()));
            d.requiredValue().ifPresent(v -> node.put("requiredValue", v));
            d.requiredLevel().ifPresent(l -> node.put("requiredLevel", l.toString()));
        }
        return JSON.writeValueAsString(array);
    }

    static List<AchievementDefinition.ResultDescription> readResults(@org.jspecify.annotations.Nullable String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<AchievementDefinition.ResultDescription> out = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            List<String> allowed = new ArrayList<>();
            node.get("allowedValue").forEach(v -> allowed.add(v.asString()));
            List<AchievementDefinition.Level> levels = new ArrayList<>();
            node.get("levels")
                    .forEach(l -> levels.add(new AchievementDefinition.Level(
                            URI.create(l.get("id").asString()), l.get("name").asString())));
            out.add(new AchievementDefinition.ResultDescription(
                    URI.create(node.get("id").asString()),
                    node.get("name").asString(),
                    AchievementDefinition.ResultType.named(
                                    node.get("resultType").asString())
                            .orElseThrow(),
                    allowed,
                    levels,
                    optional(node, "requiredValue"),
                    optional(node, "requiredLevel").map(URI::create)));
        }
        return out;
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }
}
