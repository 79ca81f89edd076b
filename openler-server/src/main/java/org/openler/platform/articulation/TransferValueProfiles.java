package org.openler.platform.articulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.articulation.ArticulationRule.Course;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.organizations.Organization;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.registry.CtdlSchemas;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rules as CTDL {@code ceterms:TransferValueProfile} (JSON-LD, Credential Engine's compact form), and back. The
 * mapping (docs/articulation.md): the rule's id as CTID ({@code ce-<uuid>}), {@code ceterms:transferValueFrom} the
 * source (a registry entry by CTID, or an achievement with its issuer as {@code ceterms:ownedBy}),
 * {@code ceterms:transferValueFor} the courses ({@code ceterms:Course}, code as {@code ceterms:codedNotation}), each
 * paired in order with a {@code ceterms:transferValue} ({@code schema:QuantitativeValue}: credit hours, credit unit,
 * level), {@code ceterms:startDate}/{@code endDate}, {@code ceterms:lifeCycleStatusType}, and the two method
 * descriptions the registry's schema requires. What CTDL has no term for (rule type, conditions, automatic approval,
 * approved by) travels under the {@code openler:} prefix. Exported profiles pass the CTDL schema in openler-data, and
 * imported ones are checked against it, each refused profile reported by its position.
 */
@Component
class TransferValueProfiles {

    static final String CONTEXT = "https://credreg.net/ctdl/schema/context/json";
    static final String TYPE = "ceterms:TransferValueProfile";

    private final ArticulationRules rules;
    private final CtdlSchemas schemas;
    private final PlatformUrls urls;

    TransferValueProfiles(ArticulationRules rules, CtdlSchemas schemas, PlatformUrls urls) {
        this.rules = rules;
        this.schemas = schemas;
        this.urls = urls;
    }

    ObjectNode graph(List<ArticulationRule> list) {
        ObjectNode graph = RuleDraft.JSON.createObjectNode();
        graph.put("@context", CONTEXT);
        ArrayNode items = graph.putArray("@graph");
        list.forEach(r -> items.add(profile(r)));
        return graph;
    }

    ObjectNode profile(ArticulationRule rule) {
        ObjectNode p = RuleDraft.JSON.createObjectNode();
        p.put("@context", CONTEXT);
        p.put("@type", TYPE);
        p.put("@id", urls.base() + "/articulation/rules/" + rule.id());
        p.put("ceterms:ctid", "ce-" + rule.id());
        lang(p, "ceterms:name", rule.source().name() + " → " + courseList(rule) + " at " + rule.collegeName());
        lang(
                p,
                "ceterms:description",
                rule.collegeName() + " grants " + plain(rule.totalCredits()) + " credit hours ("
                        + RuleDraft.lower(rule.type()) + " credit) for "
                        + rule.source().name() + " from " + rule.source().issuer() + ".");
        p.putArray("ceterms:ownedBy").add(urls.base() + "/orgs/" + rule.collegeSlug());
        p.putArray("ceterms:identifier").add(rule.id().toString());
        p.put("ceterms:startDate", rule.effectiveFrom().toString());
        rule.effectiveUntil().ifPresent(u -> p.put("ceterms:endDate", u.toString()));
        ObjectNode status = p.putObject("ceterms:lifeCycleStatusType");
        status.put("@type", "ceterms:CredentialAlignmentObject");
        status.put("ceterms:framework", "https://credreg.net/ctdl/terms/LifeCycleStatus");
        status.put(
                "ceterms:targetNode",
                switch (rule.status()) {
                    case DRAFT -> "lifeCycle:Developing";
                    case PUBLISHED -> "lifeCycle:Active";
                    case WITHDRAWN -> "lifeCycle:Ceased";
                });
        lang(
                p,
                "ceterms:assessmentMethodDescription",
                "The learner's credential is verified (signature, issuer, status, validity) by the platform.");
        lang(
                p,
                "ceterms:learningMethodDescription",
                "Prior learning recognised by a "
                        + rule.source().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        ObjectNode from = p.putArray("ceterms:transferValueFrom").addObject();
        from.put(
                "@type",
                switch (rule.source().kind()) {
                    case CREDENTIAL -> "ceterms:Credential";
                    case ASSESSMENT -> "ceterms:AssessmentProfile";
                    case LEARNING_OPPORTUNITY -> "ceterms:LearningOpportunityProfile";
                    case ACHIEVEMENT -> "ceterms:Credential";
                });
        rule.source().ctid().ifPresent(c -> from.put("ceterms:ctid", c));
        lang(from, "ceterms:name", rule.source().name());
        ObjectNode owner = from.putArray("ceterms:ownedBy").addObject();
        owner.put("@type", "ceterms:CredentialOrganization");
        lang(owner, "ceterms:name", rule.source().issuer());
        ArrayNode values = p.putArray("ceterms:transferValue");
        ArrayNode targets = p.putArray("ceterms:transferValueFor");
        for (Course c : rule.courses()) {
            ObjectNode v = values.addObject();
            v.put("@type", "schema:QuantitativeValue");
            v.put("schema:value", c.creditHours());
            ObjectNode unit = v.putArray("ceterms:creditUnitType").addObject();
            unit.put("@type", "ceterms:CredentialAlignmentObject");
            unit.put("ceterms:framework", "https://credreg.net/ctdl/terms/CreditUnit");
            unit.put("ceterms:targetNode", "creditUnit:" + unit(c.creditType()));
            lang(v, "schema:description", c.level());
            ObjectNode t = targets.addObject();
            t.put("@type", "ceterms:Course");
            c.ctid().ifPresent(x -> t.put("ceterms:ctid", x));
            t.put("ceterms:codedNotation", c.code());
            lang(t, "ceterms:name", c.title());
        }
        if (!rule.skills().isEmpty()) {
            ArrayNode teaches = p.putArray("ceterms:teaches");
            rule.skills().forEach(s -> {
                ObjectNode a = teaches.addObject();
                a.put("@type", "ceterms:CredentialAlignmentObject");
                a.put("ceterms:targetNode", s.uri());
                lang(a, "ceterms:targetNodeName", s.label());
            });
        }
        p.put("openler:ruleType", RuleDraft.lower(rule.type()));
        p.put("openler:automatic", rule.automatic());
        p.put("openler:approvedBy", rule.approvedBy());
        p.put("openler:version", rule.version());
        JsonNode conditions = RuleDraft.document(rule).path("conditions").deepCopy();
        p.set("openler:conditions", conditions);
        if (!rule.notes().isEmpty()) {
            p.put("openler:notes", rule.notes());
        }
        return p;
    }

    /** Imports a graph (or one profile, or an array of them); each profile is a rule, refused ones reported. */
    RuleImport.Report importGraph(Organization college, byte[] body) {
        return RuleImport.run(parse(body), rules, college);
    }

    /** Reads a profile, an array or a {@code @graph} of them into the rules they describe (nothing saved). */
    RuleImport.Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = RuleDraft.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new PlatformException(Problem.MALFORMED_REQUEST, "The body is not JSON.");
        }
        List<JsonNode> profiles = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(profiles::add);
        } else if (root.has("@graph")) {
            root.get("@graph").forEach(profiles::add);
        } else {
            profiles.add(root);
        }
        List<RuleImport.Unit> units = new ArrayList<>();
        int position = 0;
        for (JsonNode profile : profiles) {
            position++;
            if (!profile.isObject() || !TYPE.equals(profile.path("@type").asString(""))) {
                units.add(RuleImport.Unit.refused(position, "not-a-profile", "Not a " + TYPE + "."));
                continue;
            }
            Optional<String> invalid = schemaErrors(profile);
            if (invalid.isPresent()) {
                units.add(RuleImport.Unit.refused(position, "schema", invalid.get()));
                continue;
            }
            RuleDraft draft;
            try {
                draft = RuleDraft.read(body(profile));
            } catch (PlatformException refused) {
                units.add(RuleImport.Unit.refused(position, RuleImport.code(refused), RuleImport.reason(refused)));
                continue;
            }
            Optional<UUID> id = Optional.empty();
            String ctid = profile.path("ceterms:ctid").asString("");
            if (ctid.startsWith("ce-")) {
                try {
                    id = Optional.of(UUID.fromString(ctid.substring(3)));
                } catch (IllegalArgumentException notOurs) {
                    // a profile from elsewhere: a new rule
                }
            }
            units.add(RuleImport.Unit.of(position, id, draft));
        }
        return new RuleImport.Parsed(List.of(), units);
    }

    /**
     * What the CTDL schema in openler-data says is wrong with a profile, if anything. That schema (Credential Engine's
     * fixture) names some properties through references it never defines ({@code ceterms:ownedBy},
     * {@code ceterms:teaches}, {@code ceterms:targetCredential}, …); those properties are left out of the check (the
     * validator cannot resolve them), every other property and the required ones are checked.
     */
    Optional<String> schemaErrors(JsonNode profile) {
        ObjectNode checked = ((ObjectNode) profile).deepCopy();
        checked.put("@context", CONTEXT);
        DANGLING.forEach(checked::remove);
        try {
            CtdlSchemas.Outcome outcome = schemas.validate(checked);
            return outcome.valid()
                    ? Optional.empty()
                    : Optional.of(
                            String.join(" ", outcome.errors().stream().limit(3).toList()));
        } catch (RuntimeException unresolvable) {
            return Optional.of("The profile cannot be checked against the CTDL schema.");
        }
    }

    /** The profile properties whose schema reference the fixture leaves undefined. */
    static final java.util.Set<String> DANGLING = dangling();

    private static java.util.Set<String> dangling() {
        String path = "/org/openler/data/ctdl/fixtures/schemas/ce_registry/transfer_value_profile.json";
        try (var in = TransferValueProfiles.class.getResourceAsStream(path)) {
            if (in == null) {
                return java.util.Set.of();
            }
            JsonNode definitions = RuleDraft.JSON.readTree(in).path("definitions");
            java.util.Set<String> out = new java.util.HashSet<>();
            definitions.path(TYPE).path("properties").properties().forEach(e -> {
                if (undefined(definitions, e.getValue())) {
                    out.add(e.getKey());
                }
            });
            // a property defined only as a reference to an undefined one (creditValue → schema:QuantitativeValue)
            definitions.properties().forEach(e -> {
                if (e.getKey().startsWith("ceterms:") && undefined(definitions, e.getValue())) {
                    out.add(e.getKey());
                }
            });
            return java.util.Set.copyOf(out);
        } catch (java.io.IOException e) {
            return java.util.Set.of();
        }
    }

    private static boolean undefined(JsonNode definitions, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/definitions/") && !definitions.has(ref.substring("#/definitions/".length()));
    }

    /** A profile as the rule's JSON form. */
    static ObjectNode body(JsonNode p) {
        ObjectNode body = RuleDraft.JSON.createObjectNode();
        JsonNode from = first(p.path("ceterms:transferValueFrom"));
        ObjectNode source = body.putObject("source");
        Optional<String> ctid = text(from.path("ceterms:ctid"));
        String fromType = from.path("@type").asString("");
        source.put(
                "kind",
                ctid.isEmpty()
                        ? "achievement"
                        : switch (fromType) {
                            case "ceterms:AssessmentProfile" -> "assessment";
                            case "ceterms:LearningOpportunityProfile", "ceterms:Course" -> "learning-opportunity";
                            default -> "credential";
                        });
        ctid.ifPresent(c -> source.put("ctid", c));
        source.put("name", lang(from.path("ceterms:name")));
        source.put("issuer", lang(first(from.path("ceterms:ownedBy")).path("ceterms:name")));
        body.put("type", p.path("openler:ruleType").asString("direct"));
        body.put("automatic", p.path("openler:automatic").asBoolean(false));
        body.put("approvedBy", p.path("openler:approvedBy").asString(""));
        body.put("notes", p.path("openler:notes").asString(""));
        text(p.path("ceterms:startDate")).ifPresent(d -> body.put("effectiveFrom", d));
        text(p.path("ceterms:endDate")).ifPresent(d -> body.put("effectiveUntil", d));
        String life =
                p.path("ceterms:lifeCycleStatusType").path("ceterms:targetNode").asString("");
        body.put(
                "status",
                switch (life) {
                    case "lifeCycle:Active" -> "published";
                    case "lifeCycle:Ceased" -> "withdrawn";
                    default -> "draft";
                });
        if (p.path("openler:conditions").isObject()) {
            body.set("conditions", p.get("openler:conditions").deepCopy());
        }
        ArrayNode courses = body.putArray("courses");
        JsonNode values = p.path("ceterms:transferValue");
        JsonNode targets = p.path("ceterms:transferValueFor");
        for (int i = 0; targets.isArray() && i < targets.size(); i++) {
            JsonNode t = targets.get(i);
            JsonNode v = values.isArray() ? values.path(i) : values;
            ObjectNode c = courses.addObject();
            c.put("code", t.path("ceterms:codedNotation").asString(""));
            c.put("title", lang(t.path("ceterms:name")));
            JsonNode value = v.path("schema:value");
            if (value.isNumber()) {
                c.put("creditHours", value.decimalValue());
            } else {
                c.put("creditHours", value.asString(""));
            }
            String unit = first(v.path("ceterms:creditUnitType"))
                    .path("ceterms:targetNode")
                    .asString("");
            c.put("creditType", creditType(unit));
            c.put("level", lang(v.path("schema:description")));
            text(t.path("ceterms:ctid")).ifPresent(x -> c.put("ctid", x));
        }
        ArrayNode skills = body.putArray("skills");
        p.path("ceterms:teaches").forEach(a -> {
            String uri = a.path("ceterms:targetNode").asString("");
            if (uri.startsWith("http")) {
                skills.addObject().put("uri", uri).put("label", lang(a.path("ceterms:targetNodeName")));
            }
        });
        return body;
    }

    private static String unit(String creditType) {
        return switch (creditType.toLowerCase(Locale.ROOT)) {
            case "quarter" -> "QuarterHour";
            case "clock" -> "ClockHour";
            case "ceu" -> "ContinuingEducationUnit";
            default -> "SemesterHour";
        };
    }

    private static String creditType(String unit) {
        return switch (unit) {
            case "creditUnit:QuarterHour" -> "quarter";
            case "creditUnit:ClockHour" -> "clock";
            case "creditUnit:ContinuingEducationUnit" -> "ceu";
            default -> "semester";
        };
    }

    private static JsonNode first(JsonNode node) {
        return node.isArray() ? node.path(0) : node;
    }

    private static Optional<String> text(JsonNode node) {
        String t = node.isString() ? node.asString().strip() : "";
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** A CTDL language map's English (or first) value, or a plain string. */
    static String lang(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.has("en")) {
            return node.get("en").asString("");
        }
        for (var e : node.properties()) {
            return e.getValue().asString("");
        }
        return "";
    }

    private static void lang(ObjectNode node, String field, String text) {
        node.putObject(field).put("en", text);
    }

    private static String courseList(ArticulationRule rule) {
        return String.join(", ", rule.courses().stream().map(Course::code).toList());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
