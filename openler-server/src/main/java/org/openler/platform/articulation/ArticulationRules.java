package org.openler.platform.articulation;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.articulation.ArticulationRule.Course;
import org.openler.platform.articulation.ArticulationRule.Skill;
import org.openler.platform.articulation.ArticulationRule.Source;
import org.openler.platform.articulation.ArticulationRule.SourceKind;
import org.openler.platform.articulation.ArticulationRule.Status;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.PlatformException.FieldError;
import org.openler.platform.problems.Problem;
import org.openler.platform.registry.CredentialOfValue;
import org.openler.platform.registry.Ctid;
import org.openler.platform.registry.PublishedCredential;
import org.openler.platform.registry.RegistryEntries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A college's credit rules: written, replaced (each save a new version, kept as its exact JSON, as registry entries
 * keep theirs), withdrawn. Only the owning organization reaches its rules (another's id is simply not found). A rule
 * is checked before it is stored: its source must exist (a CTID published in the registry; an achievement an
 * organization of this platform defined), credit hours must be positive and plausible, and a rule may not close a
 * loop in which a credential earns credit for a course that in turn earns credit for it.
 */
@Service
public class ArticulationRules {

    private final JdbcClient jdbc;
    private final RegistryEntries registry;
    private final OrganizationService organizations;
    private final Achievements achievements;
    private final Clock clock;

    ArticulationRules(
            JdbcClient jdbc,
            RegistryEntries registry,
            OrganizationService organizations,
            Achievements achievements,
            Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.organizations = organizations;
        this.achievements = achievements;
        this.clock = clock;
    }

    /** Records a rule from its JSON form (docs/articulation.md); every wrong field is named in one problem. */
    @Transactional
    public ArticulationRule create(Organization college, tools.jackson.databind.JsonNode rule) {
        return create(college, RuleDraft.read(rule));
    }

    @Transactional
    ArticulationRule create(Organization college, RuleDraft draft) {
        return save(college, UUID.randomUUID(), 1, draft, Optional.empty());
    }

    @Transactional
    ArticulationRule update(Organization college, UUID id, RuleDraft draft) {
        ArticulationRule current = lock(college, id);
        return save(college, id, current.version() + 1, draft, Optional.of(current));
    }

    /** Withdraws the rule (a new version): no new credit from it; credit already awarded stays awarded. */
    @Transactional
    public ArticulationRule withdraw(Organization college, UUID id) {
        ArticulationRule current = lock(college, id);
        if (current.status() == Status.WITHDRAWN) {
            return current;
        }
        Instant now = now();
        ArticulationRule withdrawn = new ArticulationRule(
                current.id(),
                current.organization(),
                current.collegeSlug(),
                current.collegeName(),
                current.version() + 1,
                Status.WITHDRAWN,
                current.source(),
                current.conditions(),
                current.type(),
                current.courses(),
                current.effectiveFrom(),
                current.effectiveUntil(),
                current.approvedBy(),
                current.automatic(),
                current.notes(),
                current.skills(),
                now);
        String document = RuleDraft.document(withdrawn).toString();
        jdbc.sql("update articulation_rule set version = ?, status = 'WITHDRAWN', document = ?, updated_at = ?"
                        + " where id = ?")
                .params(withdrawn.version(), document, Timestamp.from(now), id)
                .update();
        version(withdrawn, document);
        return withdrawn;
    }

    /** The college's own rule; another organization's is not found. */
    public ArticulationRule get(Organization college, UUID id) {
        return find(id).filter(r -> r.organization().equals(college.id()))
                .orElseThrow(() -> PlatformException.notFound("The rule"));
    }

    public Optional<ArticulationRule> find(UUID id) {
        return jdbc.sql("select organization_id, document from articulation_rule where id = ?")
                .param(id)
                .query(ArticulationRules::rule)
                .optional();
    }

    public List<ArticulationRule> list(OrganizationId college) {
        return jdbc.sql("select organization_id, document from articulation_rule where organization_id = ?"
                        + " order by source_name, id")
                .param(college.value())
                .query(ArticulationRules::rule)
                .list();
    }

    /** A past version's exact JSON. */
    public Optional<String> version(UUID id, int version) {
        return jdbc.sql("select document from articulation_rule_version where rule_id = ? and version = ?")
                .params(id, version)
                .query(String.class)
                .optional();
    }

    private ArticulationRule lock(Organization college, UUID id) {
        return jdbc.sql("select organization_id, document from articulation_rule where id = ? and organization_id = ?"
                        + " for update")
                .params(id, college.id().value())
                .query(ArticulationRules::rule)
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The rule"));
    }

    private ArticulationRule save(
            Organization college, UUID id, int version, RuleDraft draft, Optional<ArticulationRule> before) {
        check(draft);
        Resolved source = resolve(draft.source());
        if (draft.status() != Status.WITHDRAWN) {
            refuseLoop(id, source.source(), draft.courses());
        }
        List<Skill> skills = new ArrayList<>(source.skills());
        for (Skill named : draft.skills()) {
            if (skills.stream().noneMatch(s -> s.uri().equals(named.uri()))) {
                skills.add(named);
            }
        }
        Instant now = now();
        ArticulationRule rule = new ArticulationRule(
                id,
                college.id(),
                college.slug(),
                college.name(),
                version,
                draft.status(),
                source.source(),
                draft.conditions(),
                draft.type(),
                draft.courses(),
                draft.effectiveFrom(),
                draft.effectiveUntil(),
                draft.approvedBy(),
                draft.automatic(),
                draft.notes(),
                skills.stream().limit(50).toList(),
                now);
        String document = RuleDraft.document(rule).toString();
        Object[] columns = {
            version,
            rule.status().name(),
            rule.source().kind().name(),
            rule.source().ctid().orElse(null),
            rule.source().issuer(),
            rule.source().name(),
            rule.type().name(),
            rule.totalCredits(),
            Date.valueOf(rule.effectiveFrom()),
            rule.effectiveUntil().map(Date::valueOf).orElse(null),
            rule.automatic(),
            document,
            Timestamp.from(now)
        };
        if (before.isEmpty()) {
            List<Object> params = new ArrayList<>(List.of(id, college.id().value()));
            params.addAll(java.util.Arrays.asList(columns));
            params.add(Timestamp.from(now));
            jdbc.sql("insert into articulation_rule (id, organization_id, version, status, source_kind, source_ctid,"
                            + " source_issuer, source_name, rule_type, total_credits, effective_from, effective_until,"
                            + " automatic, document, updated_at, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(params)
                    .update();
        } else {
            List<Object> params = new ArrayList<>(java.util.Arrays.asList(columns));
            params.add(id);
            jdbc.sql("update articulation_rule set version = ?, status = ?, source_kind = ?, source_ctid = ?,"
                            + " source_issuer = ?, source_name = ?, rule_type = ?, total_credits = ?, effective_from = ?,"
                            + " effective_until = ?, automatic = ?, document = ?, updated_at = ? where id = ?")
                    .params(params)
                    .update();
            jdbc.sql("delete from articulation_course where rule_id = ?")
                    .param(id)
                    .update();
            jdbc.sql("delete from articulation_skill where rule_id = ?")
                    .param(id)
                    .update();
        }
        int position = 0;
        for (Course course : rule.courses()) {
            jdbc.sql("insert into articulation_course (rule_id, position, code, title, credit_hours, credit_type,"
                            + " level, target_ctid) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            position++,
                            course.code(),
                            course.title(),
                            course.creditHours(),
                            course.creditType(),
                            course.level(),
                            course.ctid().orElse(null))
                    .update();
        }
        for (Skill skill : rule.skills()) {
            jdbc.sql("insert into articulation_skill (rule_id, uri, label) values (?, ?, ?)")
                    .params(id, cut(skill.uri(), 1000), cut(skill.label(), 300))
                    .update();
        }
        version(rule, document);
        return rule;
    }

    private void version(ArticulationRule rule, String document) {
        jdbc.sql("insert into articulation_rule_version (rule_id, version, status, document, saved_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(rule.id(), rule.version(), rule.status().name(), document, Timestamp.from(rule.updatedAt()))
                .update();
    }

    /** Field checks: every wrong field at once. */
    static void check(RuleDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        Source source = draft.source();
        if (source.kind() == SourceKind.ACHIEVEMENT) {
            if (source.issuer().isBlank() || source.issuer().length() > RuleDraft.MAX_TEXT) {
                errors.add(new FieldError("source.issuer", "Name the issuer (up to 300 characters)."));
            }
            if (source.name().isBlank() || source.name().length() > RuleDraft.MAX_TEXT) {
                errors.add(new FieldError("source.name", "Name the achievement (up to 300 characters)."));
            }
        } else if (source.ctid().flatMap(Ctid::parse).isEmpty()) {
            errors.add(new FieldError("source.ctid", "A CTID looks like ce-0f1e2d3c-…; give the registry entry's."));
        }
        if (draft.courses().isEmpty() || draft.courses().size() > RuleDraft.MAX_COURSES) {
            errors.add(new FieldError("courses", "Grant at least one course (at most " + RuleDraft.MAX_COURSES + ")."));
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < draft.courses().size(); i++) {
            Course course = draft.courses().get(i);
            String at = "courses[" + i + "]";
            if (course.code().isBlank() || course.code().length() > 40) {
                errors.add(new FieldError(at + ".code", "A course code, as CIS 110 (up to 40 characters)."));
            }
            if (course.title().isBlank() || course.title().length() > RuleDraft.MAX_TEXT) {
                errors.add(new FieldError(at + ".title", "The course title (up to 300 characters)."));
            }
            if (course.creditHours().signum() <= 0) {
                errors.add(new FieldError(at + ".creditHours", "Credit hours are more than zero."));
            } else if (course.creditHours().compareTo(RuleDraft.MAX_COURSE_CREDITS) > 0) {
                errors.add(new FieldError(
                        at + ".creditHours",
                        "At most " + RuleDraft.MAX_COURSE_CREDITS + " credit hours for one course; use several."));
            }
            if (course.creditHours().scale() > 2) {
                errors.add(new FieldError(at + ".creditHours", "At most two decimals."));
            }
            if (course.ctid().isPresent() && Ctid.parse(course.ctid().get()).isEmpty()) {
                errors.add(new FieldError(at + ".ctid", "A CTID looks like ce-0f1e2d3c-…."));
            }
            if (course.creditType().length() > 40 || course.level().length() > 40) {
                errors.add(new FieldError(at + ".creditType", "Credit type and level: up to 40 characters."));
            }
            total = total.add(course.creditHours().max(BigDecimal.ZERO));
        }
        if (total.compareTo(RuleDraft.MAX_RULE_CREDITS) > 0) {
            errors.add(new FieldError(
                    "courses", "At most " + RuleDraft.MAX_RULE_CREDITS + " credit hours in one rule (" + total + ")."));
        }
        if (draft.effectiveUntil()
                .filter(u -> u.isBefore(draft.effectiveFrom()))
                .isPresent()) {
            errors.add(new FieldError("effectiveUntil", "The rule ends after it starts."));
        }
        if (draft.approvedBy().isBlank() || draft.approvedBy().length() > RuleDraft.MAX_TEXT) {
            errors.add(new FieldError("approvedBy", "Who approved the rule (up to 300 characters)."));
        }
        if (draft.notes().length() > 2000) {
            errors.add(new FieldError("notes", "Up to 2000 characters."));
        }
        draft.conditions()
                .maxAgeYears()
                .filter(y -> y < 1 || y > 100)
                .ifPresent(y -> errors.add(new FieldError("conditions.maxAgeYears", "Between 1 and 100 years.")));
        draft.conditions()
                .minimumResult()
                .filter(m -> m.signum() < 0)
                .ifPresent(m -> errors.add(new FieldError("conditions.minimumResult", "A result is not negative.")));
        if (draft.conditions().alsoRequires().size() > 5
                || draft.conditions().alsoRequires().stream().anyMatch(a -> a.isBlank() || a.length() > 300)) {
            errors.add(new FieldError("conditions.alsoRequires", "Up to five credential names."));
        }
        if (draft.skills().size() > 50
                || draft.skills().stream()
                        .anyMatch(s -> !s.uri().startsWith("http") || s.label().isBlank())) {
            errors.add(new FieldError("skills", "Each skill has an http(s) URI and a label (up to 50)."));
        }
        if (!errors.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Some fields of the rule are not valid.", errors);
        }
    }

    record Resolved(Source source, List<Skill> skills) {}

    /** The source as it exists: a published registry entry, or an achievement a platform organization defined. */
    Resolved resolve(Source source) {
        if (source.kind() != SourceKind.ACHIEVEMENT) {
            Ctid ctid = Ctid.parse(source.ctid().orElseThrow()).orElseThrow();
            PublishedCredential published = registry.findPublished(ctid)
                    .orElseThrow(() -> new PlatformException(
                            Problem.UNPROCESSABLE,
                            "No credential, assessment or learning opportunity " + ctid.value()
                                    + " is published in the registry.",
                            List.of(new FieldError("source.ctid", "Unknown in the registry."))));
            CredentialOfValue credential = published.credential();
            String provider = organizations
                    .find(published.organization())
                    .map(Organization::name)
                    .orElse("");
            List<Skill> skills = new ArrayList<>();
            credential.teaches().forEach(a -> skills.add(new Skill(a.uri().toString(), a.label())));
            credential.occupations().forEach(a -> skills.add(new Skill(a.uri().toString(), a.label())));
            return new Resolved(
                    new Source(source.kind(), Optional.of(ctid.value()), provider, credential.name()), skills);
        }
        Optional<Organization> platformIssuer =
                organizations.find(source.issuer().toLowerCase(Locale.ROOT));
        if (platformIssuer.isEmpty()) {
            // an issuer outside the platform (CompTIA, a state board, the armed forces): taken as named
            return new Resolved(new Source(source.kind(), Optional.empty(), source.issuer(), source.name()), List.of());
        }
        AchievementDefinition achievement = achievements
                .list(platformIssuer.get().id())
                .stream()
                .filter(a -> a.name().equalsIgnoreCase(source.name()))
                .findFirst()
                .orElseThrow(() -> new PlatformException(
                        Problem.UNPROCESSABLE,
                        platformIssuer.get().name() + " defines no achievement \"" + cut(source.name(), 100) + "\".",
                        List.of(new FieldError("source.name", "Unknown achievement of this issuer."))));
        List<Skill> skills = achievement.alignments().stream()
                .map(a -> new Skill(a.targetUrl().toString(), a.targetName()))
                .toList();
        return new Resolved(
                new Source(
                        source.kind(),
                        achievement.registryCtid(),
                        platformIssuer.get().name(),
                        achievement.name()),
                skills);
    }

    /**
     * Refuses a rule that closes a loop: the credit graph has an edge from each rule's source CTID to each CTID its
     * courses count toward, over every college's rules not withdrawn. A new rule from S to T closes a loop when S is
     * reachable from T already (A gives credit for B, B for A).
     */
    private void refuseLoop(UUID id, Source source, List<Course> courses) {
        if (source.ctid().isEmpty()) {
            return;
        }
        String from = source.ctid().get();
        Map<String, Set<String>> edges = new HashMap<>();
        jdbc.sql(
                        "select r.source_ctid, c.target_ctid from articulation_rule r join articulation_course c on c.rule_id = r.id"
                                + " where r.status <> 'WITHDRAWN' and r.source_ctid is not null and c.target_ctid is not null"
                                + " and r.id <> ?")
                .param(id)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e ->
                        edges.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        for (Course course : courses) {
            if (course.ctid().isEmpty()) {
                continue;
            }
            String to = Ctid.parse(course.ctid().get()).orElseThrow().value();
            if (to.equals(from) || reaches(edges, to, from)) {
                throw new PlatformException(
                        Problem.UNPROCESSABLE,
                        "This rule would close a loop: " + from + " would earn credit toward " + to
                                + ", which already earns credit toward " + from + ".",
                        List.of(new FieldError("courses", "Credit may not go round in a loop.")));
            }
        }
    }

    private static boolean reaches(Map<String, Set<String>> edges, String start, String goal) {
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String at = todo.pop();
            if (at.equals(goal)) {
                return true;
            }
            if (seen.add(at)) {
                todo.addAll(edges.getOrDefault(at, Set.of()));
            }
        }
        return false;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** A row as a rule: the stored document is the rule, the organization its owner. */
    static ArticulationRule rule(ResultSet rs, int row) throws SQLException {
        return RuleDocuments.read(
                new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("document"));
    }

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }
}
