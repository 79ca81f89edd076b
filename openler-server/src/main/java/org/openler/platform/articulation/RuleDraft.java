package org.openler.platform.articulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openler.platform.articulation.ArticulationRule.Conditions;
import org.openler.platform.articulation.ArticulationRule.Course;
import org.openler.platform.articulation.ArticulationRule.RuleType;
import org.openler.platform.articulation.ArticulationRule.Skill;
import org.openler.platform.articulation.ArticulationRule.Source;
import org.openler.platform.articulation.ArticulationRule.SourceKind;
import org.openler.platform.articulation.ArticulationRule.Status;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.PlatformException.FieldError;
import org.openler.platform.problems.Problem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A rule as a provider writes it (JSON, a CSV row or a CTDL profile all become one), before the service checks it
 * against the registry and the other rules. Reading collects every wrong field, so one answer names them all.
 */
record RuleDraft(
        Source source,
        Conditions conditions,
        RuleType type,
        List<Course> courses,
        LocalDate effectiveFrom,
        Optional<LocalDate> effectiveUntil,
        String approvedBy,
        boolean automatic,
        Status status,
        String notes,
        List<Skill> skills) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** More credit than this for one course, or for one rule, is a typing mistake, not a rule. */
    static final BigDecimal MAX_COURSE_CREDITS = new BigDecimal("20");

    static final BigDecimal MAX_RULE_CREDITS = new BigDecimal("90");
    static final int MAX_COURSES = 20;
    static final int MAX_TEXT = 300;

    RuleDraft {
        courses = List.copyOf(courses);
        skills = List.copyOf(skills);
    }

    /** Reads the JSON form; throws one invalid-input problem naming every wrong field. */
    static RuleDraft read(JsonNode body) {
        if (!body.isObject()) {
            throw new PlatformException(Problem.MALFORMED_REQUEST, "Send the rule as a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode s = body.path("source");
        SourceKind kind =
                enumOf(SourceKind.class, text(s, "kind"), "source.kind", errors).orElse(SourceKind.ACHIEVEMENT);
        Optional<String> ctid = optionalText(s, "ctid");
        String issuer = text(s, "issuer");
        String name = text(s, "name");
        if (!s.isObject()) {
            errors.add(new FieldError(
                    "source",
                    "Say what earns the credit: {\"kind\", \"ctid\"} or {\"kind\":"
                            + " \"achievement\", \"issuer\", \"name\"}."));
        }
        JsonNode c = body.path("conditions");
        Optional<BigDecimal> minimum = Optional.empty();
        if (c.has("minimumResult") && !c.get("minimumResult").isNull()) {
            if (c.get("minimumResult").isNumber()) {
                minimum = Optional.of(c.get("minimumResult").decimalValue());
            } else {
                minimum = decimal(c.get("minimumResult").asString(""), "conditions.minimumResult", errors);
            }
        }
        Optional<Integer> maxAge = Optional.empty();
        if (c.has("maxAgeYears") && !c.get("maxAgeYears").isNull()) {
            if (c.get("maxAgeYears").canConvertToInt()) {
                maxAge = Optional.of(c.get("maxAgeYears").intValue());
            } else {
                errors.add(new FieldError("conditions.maxAgeYears", "A whole number of years."));
            }
        }
        List<String> also = new ArrayList<>();
        c.path("alsoRequires").forEach(n -> also.add(n.asString("").strip()));
        Conditions conditions = new Conditions(
                minimum, date(optionalText(c, "issuedAfter"), "conditions.issuedAfter", errors), maxAge, also);
        RuleType type =
                enumOf(RuleType.class, text(body, "type"), "type", errors).orElse(RuleType.DIRECT);
        List<Course> courses = new ArrayList<>();
        JsonNode list = body.path("courses");
        if (!list.isArray()) {
            errors.add(new FieldError("courses", "List the courses (or the block or elective credit) granted."));
        } else {
            int i = 0;
            for (JsonNode course : list) {
                String at = "courses[" + i++ + "]";
                JsonNode hours = course.path("creditHours");
                Optional<BigDecimal> h = hours.isNumber()
                        ? Optional.of(hours.decimalValue())
                        : decimal(hours.asString(""), at + ".creditHours", errors);
                courses.add(new Course(
                        text(course, "code"),
                        text(course, "title"),
                        h.orElse(BigDecimal.ZERO),
                        text(course, "creditType").isEmpty() ? "semester" : text(course, "creditType"),
                        text(course, "level").isEmpty() ? "lower-division" : text(course, "level"),
                        optionalText(course, "ctid")));
            }
        }
        LocalDate from = date(optionalText(body, "effectiveFrom"), "effectiveFrom", errors)
                .orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        Optional<LocalDate> until = date(optionalText(body, "effectiveUntil"), "effectiveUntil", errors);
        Status status =
                enumOf(Status.class, text(body, "status"), "status", errors).orElse(Status.DRAFT);
        List<Skill> skills = new ArrayList<>();
        body.path("skills").forEach(n -> skills.add(new Skill(text(n, "uri"), text(n, "label"))));
        JsonNode automatic = body.path("automatic");
        if (!automatic.isMissingNode() && !automatic.isNull() && !automatic.isBoolean()) {
            errors.add(new FieldError("automatic", "true or false."));
        }
        if (!errors.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Some fields of the rule are not valid.", errors);
        }
        return new RuleDraft(
                new Source(kind, ctid, issuer, name),
                conditions,
                type,
                courses,
                from,
                until,
                text(body, "approvedBy"),
                automatic.asBoolean(false),
                status,
                text(body, "notes"),
                skills);
    }

    /** The rule's JSON form, as stored with each version and answered by the API (the same shape {@link #read}s). */
    static ObjectNode document(ArticulationRule rule) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", rule.id().toString());
        doc.put("college", rule.collegeSlug());
        doc.put("collegeName", rule.collegeName());
        doc.put("version", rule.version());
        doc.put("status", lower(rule.status()));
        ObjectNode source = doc.putObject("source");
        source.put("kind", lower(rule.source().kind()));
        rule.source().ctid().ifPresent(c -> source.put("ctid", c));
        source.put("issuer", rule.source().issuer());
        source.put("name", rule.source().name());
        ObjectNode conditions = doc.putObject("conditions");
        rule.conditions().minimumResult().ifPresent(m -> conditions.put("minimumResult", m));
        rule.conditions().issuedAfter().ifPresent(d -> conditions.put("issuedAfter", d.toString()));
        rule.conditions().maxAgeYears().ifPresent(y -> conditions.put("maxAgeYears", y));
        ArrayNode also = conditions.putArray("alsoRequires");
        rule.conditions().alsoRequires().forEach(also::add);
        doc.put("type", lower(rule.type()));
        ArrayNode courses = doc.putArray("courses");
        for (Course course : rule.courses()) {
            ObjectNode c = courses.addObject();
            c.put("code", course.code());
            c.put("title", course.title());
            c.put("creditHours", course.creditHours());
            c.put("creditType", course.creditType());
            c.put("level", course.level());
            course.ctid().ifPresent(x -> c.put("ctid", x));
        }
        doc.put("totalCredits", rule.totalCredits());
        doc.put("effectiveFrom", rule.effectiveFrom().toString());
        rule.effectiveUntil().ifPresent(u -> doc.put("effectiveUntil", u.toString()));
        doc.put("approvedBy", rule.approvedBy());
        doc.put("automatic", rule.automatic());
        doc.put("notes", rule.notes());
        ArrayNode skills = doc.putArray("skills");
        rule.skills().forEach(k -> skills.addObject().put("uri", k.uri()).put("label", k.label()));
        doc.put("updatedAt", rule.updatedAt().toString());
        return doc;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() || v.isNumber() ? v.asString().strip() : "";
    }

    static Optional<String> optionalText(JsonNode node, String field) {
        String t = text(node, field);
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String text, String field, List<FieldError> errors) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    field,
                    "One of: "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(type.getEnumConstants())
                                            .map(RuleDraft::lower)
                                            .toList())
                            + "."));
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(Optional<String> text, String field, List<FieldError> errors) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get()));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "A day, as 2026-09-01."));
            return Optional.empty();
        }
    }

    static Optional<BigDecimal> decimal(String text, String field, List<FieldError> errors) {
        if (text.isBlank()) {
            errors.add(new FieldError(field, "A number is needed."));
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "A number, as 3 or 4.5."));
            return Optional.empty();
        }
    }
}
