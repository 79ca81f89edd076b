package org.openler.platform.articulation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A college's staff write rules in the browser: a new rule, a new version of one (the form, filled in), and publishing
 * a draft. The form is turned into the API's JSON form and saved through the same {@link RuleDraft#read} and
 * {@link ArticulationRules} checks, so the page refuses exactly what the API refuses; each refused field comes back
 * next to its input (400, or 422 for an unknown source or a loop), with everything typed kept. Skills are kept from the
 * version being replaced (the API, CSV and CTDL set them).
 */
@Controller
class RuleFormPages {

    /** Course rows the form offers beyond the rule's own (blank rows are left out). */
    static final int SPARE_ROWS = 2;

    private static final Pattern COURSE_FIELD = Pattern.compile("courses\\[(\\d+)]\\.(\\w+)");
    private static final List<String> COURSE_FIELDS =
            List.of("code", "title", "creditHours", "creditType", "level", "ctid");

    private final ArticulationRules rules;
    private final OrganizationService organizations;
    private final MessageSource messages;

    RuleFormPages(ArticulationRules rules, OrganizationService organizations, MessageSource messages) {
        this.messages = messages;
        this.rules = rules;
        this.organizations = organizations;
    }

    @GetMapping("/orgs/{org}/articulation/rules/new")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION)
    String newRule(@PathVariable String org, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("source.kind", "achievement");
        values.put("type", "direct");
        values.put("status", "draft");
        return form(organizations.get(org), Optional.empty(), values, 1 + SPARE_ROWS, Map.of(), model);
    }

    @GetMapping("/orgs/{org}/articulation/rules/{id}/edit")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION)
    String edit(@PathVariable String org, @PathVariable String id, Model model) {
        Organization college = organizations.get(org);
        ArticulationRule rule = rules.get(college, ArticulationApi.uuid(id, "The rule"));
        return form(
                college,
                Optional.of(rule),
                values(RuleDraft.document(rule)),
                rule.courses().size() + SPARE_ROWS,
                Map.of(),
                model);
    }

    @PostMapping("/orgs/{org}/articulation/rules/new")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION)
    String create(
            @PathVariable String org,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Organization college = organizations.get(org);
        return save(college, Optional.empty(), form, model, request, response, redirect);
    }

    @PostMapping("/orgs/{org}/articulation/rules/{id}/edit")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION)
    String update(
            @PathVariable String org,
            @PathVariable String id,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Organization college = organizations.get(org);
        ArticulationRule current = rules.get(college, ArticulationApi.uuid(id, "The rule"));
        return save(college, Optional.of(current), form, model, request, response, redirect);
    }

    /** Publishes a draft as it stands (a new version), from the college's list of rules. */
    @PostMapping("/orgs/{org}/articulation/rules/{id}/publish-page")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION)
    String publish(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
        Organization college = organizations.get(org);
        try {
            ArticulationRule current = rules.get(college, ArticulationApi.uuid(id, "The rule"));
            if (current.status() == ArticulationRule.Status.WITHDRAWN) {
                throw PlatformException.conflict("A withdrawn rule stays withdrawn; record a new rule instead.");
            }
            ObjectNode document = RuleDraft.document(current);
            document.put("status", "published");
            rules.update(college, current.id(), RuleDraft.read(document));
            redirect.addFlashAttribute("saved", true);
        } catch (PlatformException refused) {
            redirect.addFlashAttribute(
                    "error",
                    refused.fieldErrors().isEmpty()
                            ? refused.detail()
                            : refused.fieldErrors().getFirst().field() + ": "
                                    + refused.fieldErrors().getFirst().message());
        }
        return "redirect:/orgs/" + org + "/articulation";
    }

    private String save(
            Organization college,
            Optional<ArticulationRule> current,
            Map<String, String> form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<Integer> rowOf = new ArrayList<>();
        ObjectNode json = json(form, current, rowOf);
        try {
            RuleDraft draft = RuleDraft.read(json);
            ArticulationRule saved = current.isPresent()
                    ? rules.update(college, current.get().id(), draft)
                    : rules.create(college, draft);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/orgs/" + college.slug() + "/articulation#rule-" + saved.id();
        } catch (PlatformException refused) {
            if (!ProblemResponses.wantsHtml(request)
                    || (refused.problem() != Problem.INVALID_INPUT
                            && refused.problem() != Problem.UNPROCESSABLE
                            && refused.problem() != Problem.CONFLICT)) {
                throw refused; // programs get the API's problem details; people get the form back
            }
            response.setStatus(refused.problem().status().value());
            Map<String, String> errors = new LinkedHashMap<>();
            Locale locale = LocaleContextHolder.getLocale();
            for (PlatformException.FieldError e : refused.fieldErrors()) {
                errors.merge(
                        formField(e.field(), rowOf), inLanguage(e, locale), (a, b) -> a.equals(b) ? a : a + " " + b);
            }
            model.addAttribute(
                    "refusal",
                    messages.getMessage(
                            "articulation.form.refusal." + refused.problem().name(), null, refused.detail(), locale));
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.remove("_csrf");
            return form(college, current, typed, rows(form), errors, model);
        }
    }

    /**
     * A field's refusal in the page's language: the API's own words (English, precise) unless the messages hold the
     * field's rule in the page's language ({@code articulation.form.invalid.<field>}, course rows without their index).
     */
    private String inLanguage(PlatformException.FieldError error, Locale locale) {
        String field = error.field().replaceAll("\\[\\d+]", "");
        return messages.getMessage("articulation.form.invalid." + field, null, error.message(), locale);
    }

    private String form(
            Organization college,
            Optional<ArticulationRule> rule,
            Map<String, String> values,
            int rows,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("org", college);
        model.addAttribute("rule", rule.orElse(null));
        model.addAttribute("values", values);
        model.addAttribute(
                "rows",
                java.util.stream.IntStream.range(0, Math.min(rows, RuleDraft.MAX_COURSES))
                        .boxed()
                        .toList());
        model.addAttribute("errors", errors);
        model.addAttribute("courseFields", COURSE_FIELDS);
        return "articulation/rule-form";
    }

    /** The rule's JSON form as the form's flat fields ({@code source.name}, {@code courses[0].code}, ...). */
    static Map<String, String> values(JsonNode document) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode source = document.path("source");
        for (String f : List.of("kind", "ctid", "issuer", "name")) {
            values.put("source." + f, source.path(f).asString(""));
        }
        JsonNode conditions = document.path("conditions");
        values.put("conditions.minimumResult", conditions.path("minimumResult").asString(""));
        values.put("conditions.issuedAfter", conditions.path("issuedAfter").asString(""));
        values.put("conditions.maxAgeYears", conditions.path("maxAgeYears").asString(""));
        List<String> also = new ArrayList<>();
        conditions.path("alsoRequires").forEach(n -> also.add(n.asString("")));
        values.put("conditions.alsoRequires", String.join("; ", also));
        for (String f : List.of("type", "status", "effectiveFrom", "effectiveUntil", "approvedBy", "notes")) {
            values.put(f, document.path(f).asString(""));
        }
        values.put("automatic", document.path("automatic").asBoolean(false) ? "true" : "");
        int i = 0;
        for (JsonNode course : document.path("courses")) {
            for (String f : COURSE_FIELDS) {
                values.put(
                        "courses[" + i + "]." + f,
                        course.path(f).isNumber()
                                ? course.path(f)
                                        .decimalValue()
                                        .stripTrailingZeros()
                                        .toPlainString()
                                : course.path(f).asString(""));
            }
            i++;
        }
        return values;
    }

    /**
     * The form as the API's JSON. Blank course rows are left out; {@code rowOf} records the form row of each course
     * sent, so a refused {@code courses[1].creditHours} is shown on the row it was typed in.
     */
    static ObjectNode json(Map<String, String> form, Optional<ArticulationRule> current, List<Integer> rowOf) {
        ObjectNode json = RuleDraft.JSON.createObjectNode();
        ObjectNode source = json.putObject("source");
        for (String f : List.of("kind", "ctid", "issuer", "name")) {
            source.put(f, field(form, "source." + f));
        }
        ObjectNode conditions = json.putObject("conditions");
        putIfGiven(conditions, "minimumResult", field(form, "conditions.minimumResult"));
        putIfGiven(conditions, "issuedAfter", field(form, "conditions.issuedAfter"));
        String maxAge = field(form, "conditions.maxAgeYears");
        if (maxAge.matches("\\d{1,4}")) {
            conditions.put("maxAgeYears", Integer.parseInt(maxAge));
        } else {
            putIfGiven(conditions, "maxAgeYears", maxAge);
        }
        var also = conditions.putArray("alsoRequires");
        for (String name : field(form, "conditions.alsoRequires").split("[;\\n]")) {
            if (!name.isBlank()) {
                also.add(name.strip());
            }
        }
        for (String f : List.of("type", "status", "effectiveFrom", "effectiveUntil", "approvedBy", "notes")) {
            putIfGiven(json, f, field(form, f));
        }
        json.put("automatic", "true".equals(field(form, "automatic")));
        var courses = json.putArray("courses");
        for (int row = 0; row < Math.min(rows(form), RuleDraft.MAX_COURSES); row++) {
            ObjectNode course = RuleDraft.JSON.createObjectNode();
            boolean any = false;
            for (String f : COURSE_FIELDS) {
                String value = field(form, "courses[" + row + "]." + f);
                any |= !value.isEmpty() && !f.equals("creditType") && !f.equals("level");
                course.put(f, value);
            }
            if (any) {
                courses.add(course);
                rowOf.add(row);
            }
        }
        var skills = json.putArray("skills");
        current.ifPresent(rule -> rule.skills()
                .forEach(s -> skills.addObject().put("uri", s.uri()).put("label", s.label())));
        return json;
    }

    /** How many course rows the form sent (the highest row index + 1). */
    static int rows(Map<String, String> form) {
        int rows = 0;
        for (String name : form.keySet()) {
            Matcher m = COURSE_FIELD.matcher(name);
            if (m.matches() && m.group(1).length() < 3) {
                rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return rows;
    }

    /** A refused JSON field as the form's field: course indexes become the row they were typed in. */
    static String formField(String field, List<Integer> rowOf) {
        Matcher m = COURSE_FIELD.matcher(field);
        if (m.matches()) {
            int sent = Integer.parseInt(m.group(1));
            int row = sent < rowOf.size() ? rowOf.get(sent) : sent;
            return "courses[" + row + "]." + m.group(2);
        }
        return field;
    }

    private static String field(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value.strip();
    }

    private static void putIfGiven(ObjectNode node, String field, String value) {
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }
}
