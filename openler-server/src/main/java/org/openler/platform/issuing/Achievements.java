package org.openler.platform.issuing;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.identity.Actor;
import org.openler.platform.identity.OrganizationId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

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

    Achievements(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a provider types to define an achievement. */
    public record Draft(
            String name,
            String description,
            String criteria,
            String achievementType,
            String image,
            List<AchievementDefinition.Alignment> alignments) {}

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
        if (!errors.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Some fields are not valid.", errors);
        }
        AchievementDefinition achievement = new AchievementDefinition(
                UUID.randomUUID(),
                organization,
                draft.name().strip(),
                draft.description().strip(),
                draft.criteria().strip(),
                type.isEmpty() ? Optional.empty() : Optional.of(type),
                image,
                draft.alignments(),
                clock.instant());
        ArrayNode alignments = JSON.createArrayNode();
        achievement
                .alignments()
                .forEach(a -> alignments
                        .addObject()
                        .put("targetUrl", a.targetUrl().toString())
                        .put("targetName", a.targetName()));
        jdbc.sql("insert into achievement (id, organization_id, name, description, criteria, achievement_type,"
                        + " image_url, alignments, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        achievement.id(),
                        organization.value(),
                        achievement.name(),
                        achievement.description(),
                        achievement.criteria(),
                        achievement.achievementType().orElse(null),
                        achievement.image().map(URI::toString).orElse(null),
                        JSON.writeValueAsString(alignments),
                        Timestamp.from(achievement.createdAt()))
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
                    node.get("targetName").asString()));
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
                rs.getTimestamp("created_at").toInstant());
    }
}
