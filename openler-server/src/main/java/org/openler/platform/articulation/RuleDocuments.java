package org.openler.platform.articulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.articulation.ArticulationRule.Conditions;
import org.openler.platform.articulation.ArticulationRule.Course;
import org.openler.platform.articulation.ArticulationRule.RuleType;
import org.openler.platform.articulation.ArticulationRule.Skill;
import org.openler.platform.articulation.ArticulationRule.Source;
import org.openler.platform.articulation.ArticulationRule.SourceKind;
import org.openler.platform.articulation.ArticulationRule.Status;
import org.openler.platform.kernel.OrganizationId;
import tools.jackson.databind.JsonNode;

/** Reads a stored rule document (written by {@link RuleDraft#document}) back into a rule. */
final class RuleDocuments {

    private RuleDocuments() {}

    static ArticulationRule read(OrganizationId organization, String document) {
        JsonNode d = RuleDraft.JSON.readTree(document);
        JsonNode s = d.path("source");
        JsonNode c = d.path("conditions");
        List<String> also = new ArrayList<>();
        c.path("alsoRequires").forEach(n -> also.add(n.asString()));
        List<Course> courses = new ArrayList<>();
        d.path("courses")
                .forEach(n -> courses.add(new Course(
                        n.path("code").asString(),
                        n.path("title").asString(),
                        n.path("creditHours").decimalValue(),
                        n.path("creditType").asString(),
                        n.path("level").asString(),
                        RuleDraft.optionalText(n, "ctid"))));
        List<Skill> skills = new ArrayList<>();
        d.path("skills")
                .forEach(n -> skills.add(
                        new Skill(n.path("uri").asString(), n.path("label").asString())));
        return new ArticulationRule(
                UUID.fromString(d.path("id").asString()),
                organization,
                d.path("college").asString(),
                d.path("collegeName").asString(),
                d.path("version").asInt(),
                Status.valueOf(upper(d.path("status").asString())),
                new Source(
                        SourceKind.valueOf(upper(s.path("kind").asString())),
                        RuleDraft.optionalText(s, "ctid"),
                        s.path("issuer").asString(),
                        s.path("name").asString()),
                new Conditions(
                        c.has("minimumResult")
                                ? Optional.of(c.get("minimumResult").decimalValue())
                                : Optional.empty(),
                        RuleDraft.optionalText(c, "issuedAfter").map(LocalDate::parse),
                        c.has("maxAgeYears") ? Optional.of(c.get("maxAgeYears").asInt()) : Optional.empty(),
                        also),
                RuleType.valueOf(upper(d.path("type").asString())),
                courses,
                LocalDate.parse(d.path("effectiveFrom").asString()),
                RuleDraft.optionalText(d, "effectiveUntil").map(LocalDate::parse),
                d.path("approvedBy").asString(),
                d.path("automatic").asBoolean(),
                d.path("notes").asString(""),
                skills,
                Instant.parse(d.path("updatedAt").asString()));
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
