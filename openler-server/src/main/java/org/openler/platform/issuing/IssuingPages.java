package org.openler.platform.issuing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.openler.platform.skills.LabelSearch;
import org.openler.platform.status.CredentialId;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.status.CredentialStatuses;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An issuing organization's pages (a provider's, or an employer's for work-based learning and validated experience): its achievements, issuing one credential, the credentials it issued (with revocation,
 * suspension and reinstatement, which the status module carries out). Forms with mistakes come back with the mistakes next to their fields (status 400); programs that post
 * here get the same problem details as from the API.
 */
@Controller
class IssuingPages {

    /** The achievement types offered in the form's list, in alphabetical order. */
    static final List<String> TYPE_CHOICES =
            Achievements.TYPES.stream().sorted().toList();

    /** Alignment lines: at most this many characters for a competency's name. */
    private static final int MAX_ALIGNMENT_NAME = 300;

    private final OrganizationService organizations;
    private final Issuers issuers;
    private final Achievements achievements;
    private final Issuance issuance;
    private final IssuedCredentials issued;
    private final CredentialStatuses statuses;
    private final LabelSearch labels;

    /** The skill search on the achievement form: at most this many skills offered to tick. */
    private static final int SKILL_RESULTS = 10;

    /**
     * The achievement types an employer is offered first: work-based learning and validated experience. The Open
     * Badges 3.0 vocabulary names apprenticeships; the rest are "ext:" extension terms, which the specification allows.
     */
    static final List<WorkType> WORK_BASED_TYPES = List.of(
            new WorkType("ApprenticeshipCertificate", "wbl.type.apprenticeship"),
            new WorkType("ext:OnTheJobTraining", "wbl.type.onTheJob"),
            new WorkType("ext:WorkBasedLearning", "wbl.type.workBased"),
            new WorkType("ext:ValidatedExperience", "wbl.type.experience"));

    /** An achievement type and the message key of its plain-language name. */
    public record WorkType(String value, String messageKey) {}

    IssuingPages(
            OrganizationService organizations,
            Issuers issuers,
            Achievements achievements,
            Issuance issuance,
            IssuedCredentials issued,
            CredentialStatuses statuses,
            LabelSearch labels) {
        this.labels = labels;
        this.organizations = organizations;
        this.issuers = issuers;
        this.achievements = achievements;
        this.issuance = issuance;
        this.issued = issued;
        this.statuses = statuses;
    }

    /** What the achievement form holds, echoed back (cut to size) when it has mistakes. */
    public record AchievementForm(
            String name,
            String description,
            String criteria,
            String achievementType,
            String image,
            String alignments,
            String registryCtid,
            List<ResultRow> results) {

        /** The form offers this many result rows. */
        static final int RESULT_ROWS = 3;

        static AchievementForm empty() {
            return new AchievementForm("", "", "", "", "", "", "", ResultRow.blank(RESULT_ROWS));
        }

        AchievementForm cut() {
            return new AchievementForm(
                    at(name, 300),
                    at(description, 4000),
                    at(criteria, 4000),
                    at(achievementType, 200),
                    at(image, 2000),
                    at(alignments, 20_000),
                    at(registryCtid, 100),
                    results.stream()
                            .limit(RESULT_ROWS)
                            .map(r -> new ResultRow(
                                    at(r.type(), 40), at(r.name(), 200), at(r.values(), 2000), at(r.passMark(), 100)))
                            .toList());
        }
    }

    /**
     * One result row of the achievement form: a type ({@code RubricCriterionLevel}, {@code LetterGrade},
     * {@code Percent}, or empty for none), a name, and its values separated by commas (a rubric's levels, lowest first;
     * a letter grade's letters), and its pass mark (empty for none: a percent's number, one of the letters or levels).
     */
    public record ResultRow(String type, String name, String values, String passMark) {

        static List<ResultRow> blank(int rows) {
            return java.util.stream.IntStream.range(0, rows)
                    .mapToObj(i -> new ResultRow("", "", "", ""))
                    .toList();
        }

        /** The rows the form posted, padded to the form's size. */
        static List<ResultRow> of(
                @Nullable List<String> types,
                @Nullable List<String> names,
                @Nullable List<String> values,
                @Nullable List<String> passMarks) {
            List<ResultRow> rows = new ArrayList<>();
            for (int i = 0; i < AchievementForm.RESULT_ROWS; i++) {
                rows.add(new ResultRow(item(types, i), item(names, i), item(values, i), item(passMarks, i)));
            }
            return rows;
        }

        private static String item(@Nullable List<String> list, int i) {
            return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
        }

        /** The rows that define a result (a type chosen or a name typed), as drafts for the service. */
        static List<Achievements.ResultDraft> drafts(List<ResultRow> rows) {
            return rows.stream()
                    .filter(r -> !r.type().isBlank() || !r.name().isBlank())
                    .map(r -> new Achievements.ResultDraft(
                            r.type(), r.name(), List.of(r.values().split(",")), r.passMark()))
                    .toList();
        }
    }

    // Same access as the JSON list at this address (IssuingApi), which answers programs that ask for JSON: the two
    // handlers share the address, so they share the rule.
    @GetMapping(value = "/orgs/{org}/achievements", produces = MediaType.TEXT_HTML_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ISSUED, machineClients = true)
    String achievements(@PathVariable String org, @RequestParam(defaultValue = "") String skill, Model model) {
        String query = at(skill.strip(), 200);
        if (!query.isEmpty()) {
            model.addAttribute("skillQuery", query);
            model.addAttribute("skillResults", labels.competencies(query, SKILL_RESULTS));
        }
        return achievementsPage(organizations.get(org), AchievementForm.empty(), List.of(), model);
    }

    @PostMapping("/orgs/{org}/achievements/new")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.DEFINE_ACHIEVEMENTS)
    String defineAchievement(
            @PathVariable String org,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String criteria,
            @RequestParam(defaultValue = "") String achievementType,
            @RequestParam(defaultValue = "") String image,
            @RequestParam(defaultValue = "") String alignments,
            @RequestParam(defaultValue = "") String registryCtid,
            @RequestParam(name = "aligned", required = false) @Nullable List<String> aligned,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Organization organization = organizations.get(org);
        // Skills ticked in the search results arrive as lines of the same form as those typed (address, space, name).
        alignments = withTicked(alignments, aligned == null ? List.of() : aligned);
        // read as posted, one value per row: bound to a List, a single row's "A, B, C" would be split at its commas
        List<ResultRow> resultRows = ResultRow.of(
                values(request, "resultType"),
                values(request, "resultName"),
                values(request, "resultValues"),
                values(request, "resultPassMark"));
        AchievementForm form = new AchievementForm(
                name, description, criteria, achievementType, image, alignments, registryCtid, resultRows);
        try {
            List<AchievementDefinition.Alignment> parsed;
            try {
                parsed = alignments(alignments);
            } catch (PlatformException e) {
                throw withBlankFields(e, form);
            }
            AchievementDefinition created = achievements.create(
                    organization.id(),
                    new Achievements.Draft(
                            name,
                            description,
                            criteria,
                            achievementType,
                            image,
                            parsed,
                            registryCtid,
                            ResultRow.drafts(resultRows)),
                    Actors.current());
            redirect.addFlashAttribute("notice", "achievements.created");
            redirect.addFlashAttribute("created", created.name());
            return "redirect:/orgs/" + org + "/achievements";
        } catch (PlatformException e) {
            if (e.problem() != Problem.INVALID_INPUT || !ProblemResponses.wantsHtml(request)) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("badLines", badLines(alignments.lines().toList()));
            return achievementsPage(organization, form.cut(), e.fieldErrors(), model);
        }
    }

    private static @Nullable List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? null : List.of(values);
    }

    /** The typed alignment lines followed by the ticked ones (at most 100 of them), each once. */
    static String withTicked(String typed, List<String> ticked) {
        List<String> lines = new ArrayList<>(typed.lines().toList());
        ticked.stream()
                .limit(100)
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !lines.contains(line))
                .forEach(lines::add);
        return String.join("\n", lines);
    }

    /**
     * An alignment mistake stops the form before the service sees it; the required fields left empty are reported
     * with it, so that one round trip shows every mistake.
     */
    private static PlatformException withBlankFields(PlatformException alignmentError, AchievementForm form) {
        List<PlatformException.FieldError> errors = new ArrayList<>();
        if (form.name().isBlank()) {
            errors.add(new PlatformException.FieldError("name", "Required, up to 300 characters."));
        }
        if (form.description().isBlank()) {
            errors.add(new PlatformException.FieldError("description", "Required, up to 4000 characters."));
        }
        if (form.criteria().isBlank()) {
            errors.add(new PlatformException.FieldError("criteria", "Required, up to 4000 characters."));
        }
        errors.addAll(alignmentError.fieldErrors());
        return new PlatformException(alignmentError.problem(), alignmentError.detail(), errors);
    }

    private String achievementsPage(
            Organization organization, AchievementForm form, List<PlatformException.FieldError> errors, Model model) {
        StaffRole role = organizations.roleOfActing(organization);
        model.addAttribute("organization", organization);
        model.addAttribute("role", role);
        model.addAttribute("canIssue", role.includes(StaffRole.ISSUER));
        model.addAttribute("achievements", achievements.list(organization.id()));
        model.addAttribute("types", TYPE_CHOICES);
        model.addAttribute(
                "workTypes",
                organization.kind() == Organization.Kind.EMPLOYER ? WORK_BASED_TYPES : List.<WorkType>of());
        model.addAttribute("form", form);
        model.addAttribute("errors", Errors.of(errors));
        model.addAttribute("currentPath", "/orgs/" + organization.slug() + "/achievements");
        return "issuing/achievements";
    }

    /** What the issue form holds. */
    public record IssueForm(
            String achievement,
            String recipient,
            String validUntil,
            String idempotencyKey,
            java.util.Map<String, String> results) {

        IssueForm(String achievement, String recipient, String validUntil, String idempotencyKey) {
            this(achievement, recipient, validUntil, idempotencyKey, java.util.Map.of());
        }

        IssueForm cut() {
            java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
            results.entrySet().stream()
                    .limit(Achievements.MAX_RESULT_DESCRIPTIONS)
                    .forEach(e -> kept.put(at(e.getKey(), 100), at(e.getValue(), 100)));
            return new IssueForm(
                    at(achievement, 100), at(recipient, 500), at(validUntil, 20), at(idempotencyKey, 200), kept);
        }

        /** The value typed or chosen for a result description, empty when none. */
        public String result(Object descriptionId) {
            return results.getOrDefault(descriptionId.toString(), "");
        }
    }

    /** The form's result fields are named "result:" and the result description's id. */
    static final String RESULT_FIELD = "result:";

    /**
     * The results stated on the issue form for the chosen achievement: its result descriptions' fields that are not
     * empty. Fields for other achievements (the form shows every achievement's results before one is chosen) are not
     * read.
     */
    private java.util.Map<String, String> statedResults(
            Organization organization, String achievement, HttpServletRequest request) {
        java.util.Map<String, String> stated = new java.util.LinkedHashMap<>();
        Optional<AchievementDefinition> chosen;
        try {
            chosen = achievements.find(organization.id(), UUID.fromString(achievement.strip()));
        } catch (IllegalArgumentException e) {
            return stated;
        }
        chosen.ifPresent(a -> a.resultDescriptions().forEach(d -> {
            String value = request.getParameter(RESULT_FIELD + d.id());
            if (value != null && !value.isBlank()) {
                stated.put(d.id().toString(), value.strip());
            }
        }));
        return stated;
    }

    @GetMapping("/orgs/{org}/issue")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.ISSUE_CREDENTIALS)
    String issueForm(@PathVariable String org, @RequestParam(defaultValue = "") String achievement, Model model) {
        Organization organization = organizations.get(org);
        IssueForm form =
                new IssueForm(at(achievement, 100), "", "", UUID.randomUUID().toString());
        return issuePage(organization, form, List.of(), model);
    }

    @PostMapping("/orgs/{org}/issue")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.ISSUE_CREDENTIALS)
    String issue(
            @PathVariable String org,
            @RequestParam(defaultValue = "") String achievement,
            @RequestParam(defaultValue = "") String recipient,
            @RequestParam(defaultValue = "") String validUntil,
            @RequestParam(defaultValue = "") String idempotencyKey,
            @RequestParam(defaultValue = "ldp") String format,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Organization organization = organizations.get(org);
        java.util.Map<String, String> results = statedResults(organization, achievement, request);
        IssueForm form = new IssueForm(achievement, recipient, validUntil, idempotencyKey, results);
        // The format choice (Data Integrity or VC-JWT) survives a form error; anything but "jwt" is the default.
        CredentialFormat chosen = CredentialFormat.named(format).orElse(CredentialFormat.LDP);
        model.addAttribute("format", chosen.wireName());
        try {
            Issuance.Request parsed = new Issuance.Request(
                    achievementId(achievement),
                    recipient(recipient),
                    endOf(validUntil),
                    Optional.of(idempotencyKey).filter(key -> key.length() <= 200),
                    Issuance.DidMethod.WEB,
                    chosen,
                    results.entrySet().stream()
                            .map(r -> new Issuance.StatedResult(r.getKey(), r.getValue()))
                            .toList());
            Issuance.Issued credential;
            try {
                credential = issuance.issue(issuers.of(organization), parsed, Actors.current());
            } catch (IssuedCredentials.IdempotentReplay replay) {
                credential =
                        issued.byIdempotencyKey(organization.id(), replay.key()).orElseThrow();
            }
            redirect.addFlashAttribute("notice", credential.replayed() ? "issued.replayed" : "issued.done");
            redirect.addFlashAttribute("issuedId", credential.id().toString());
            return "redirect:/orgs/" + org + "/credentials/issued";
        } catch (PlatformException e) {
            boolean formMistake = e.problem() == Problem.INVALID_INPUT || e.problem() == Problem.NOT_FOUND;
            if (!formMistake || !ProblemResponses.wantsHtml(request)) {
                throw e;
            }
            List<PlatformException.FieldError> errors = e.problem() == Problem.NOT_FOUND
                    ? List.of(new PlatformException.FieldError("achievement", "Choose one of the achievements."))
                    : e.fieldErrors();
            response.setStatus(400);
            return issuePage(organization, form.cut(), errors, model);
        }
    }

    private String issuePage(
            Organization organization, IssueForm form, List<PlatformException.FieldError> errors, Model model) {
        model.addAttribute("organization", organization);
        model.addAttribute("achievements", achievements.list(organization.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", Errors.of(errors));
        model.addAttribute("today", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
        model.addAttribute("currentPath", "/orgs/" + organization.slug() + "/issue");
        return "issuing/issue";
    }

    @GetMapping("/orgs/{org}/credentials/issued")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ISSUED)
    String issued(@PathVariable String org, Model model) {
        Organization organization = organizations.get(org);
        model.addAttribute("organization", organization);
        model.addAttribute("canIssue", organizations.roleOfActing(organization).includes(StaffRole.ISSUER));
        model.addAttribute("credentials", issued.list(organization.id(), 500));
        return "issuing/issued";
    }

    /** The confirmation step before a revocation, which cannot be undone. */
    @GetMapping("/orgs/{org}/credentials/{id}/revoke")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.CHANGE_CREDENTIAL_STATUS)
    String confirmRevocation(@PathVariable String org, @PathVariable UUID id, Model model) {
        Organization organization = organizations.get(org);
        IssuedCredentials.Summary credential = issued.summary(organization.id(), new CredentialId(id))
                .orElseThrow(() -> PlatformException.notFound("The credential"));
        model.addAttribute("organization", organization);
        model.addAttribute("credential", credential);
        return "issuing/revoke";
    }

    @PostMapping("/orgs/{org}/credentials/{id}/revoke")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.CHANGE_CREDENTIAL_STATUS)
    String revoke(@PathVariable String org, @PathVariable UUID id, RedirectAttributes redirect) {
        return changeStatus(org, id, CredentialStatus.REVOKED, "issued.revokedNotice", redirect);
    }

    /** Suspension is reversible, so it needs no confirmation step; the list says what happened. */
    @PostMapping("/orgs/{org}/credentials/{id}/suspend")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.CHANGE_CREDENTIAL_STATUS)
    String suspend(@PathVariable String org, @PathVariable UUID id, RedirectAttributes redirect) {
        return changeStatus(org, id, CredentialStatus.SUSPENDED, "issued.suspendedNotice", redirect);
    }

    @PostMapping("/orgs/{org}/credentials/{id}/reinstate")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.CHANGE_CREDENTIAL_STATUS)
    String reinstate(@PathVariable String org, @PathVariable UUID id, RedirectAttributes redirect) {
        return changeStatus(org, id, CredentialStatus.ACTIVE, "issued.reinstatedNotice", redirect);
    }

    /** Changes the status, then shows the issued list with a notice naming the credential. */
    private String changeStatus(
            String org, UUID id, CredentialStatus status, String notice, RedirectAttributes redirect) {
        statuses.change(organizations.get(org).id(), new CredentialId(id), status, Actors.current());
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("changedId", id.toString());
        return "redirect:/orgs/" + org + "/credentials/issued";
    }

    /** Field errors by field, for showing each next to its input. */
    public record Errors(List<PlatformException.FieldError> all) {

        static Errors of(List<PlatformException.FieldError> errors) {
            return new Errors(List.copyOf(errors));
        }

        public boolean any() {
            return !all.isEmpty();
        }

        /** Whether the field (or one of its parts, such as {@code recipient.email}) has a mistake. */
        public boolean has(String field) {
            return all.stream().anyMatch(e -> belongs(e, field));
        }

        public List<String> messages(String field) {
            return all.stream()
                    .filter(e -> belongs(e, field))
                    .map(PlatformException.FieldError::message)
                    .toList();
        }

        private static boolean belongs(PlatformException.FieldError error, String field) {
            return error.field().equals(field) || error.field().startsWith(field + ".");
        }
    }

    /**
     * Alignments typed one per line: an http(s) URI, a space, the competency's name. Blank lines are skipped; a line
     * with only a URI is named by the URI.
     */
    static List<AchievementDefinition.Alignment> alignments(String text) {
        List<String> lines = text.lines().toList();
        if (lines.size() > 100) {
            throw PlatformException.invalid("alignments", "At most 100 alignments.");
        }
        List<Integer> bad = badLines(lines);
        if (!bad.isEmpty()) {
            throw PlatformException.invalid(
                    "alignments",
                    "Lines " + bad.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + ": start each line with the competency's http(s) address, then its name (at most "
                            + MAX_ALIGNMENT_NAME + " characters).");
        }
        return lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> {
                    String[] parts = line.split("\\s+", 2);
                    return new AchievementDefinition.Alignment(
                            Achievements.alignmentUri(parts[0]).orElseThrow(),
                            parts.length > 1 ? parts[1].strip() : parts[0]);
                })
                .toList();
    }

    /** The numbers (from 1) of the alignment lines that cannot be read. */
    static List<Integer> badLines(List<String> lines) {
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < lines.size() && i < 100; i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String name = parts.length > 1 ? parts[1].strip() : parts[0];
            if (Achievements.alignmentUri(parts[0]).isEmpty() || name.length() > MAX_ALIGNMENT_NAME) {
                bad.add(i + 1);
            }
        }
        return bad;
    }

    private static UUID achievementId(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("achievement", "Choose one of the achievements.");
        }
    }

    /** A DID when it starts with "did:", an e-mail address otherwise. */
    private static Issuance.To recipient(String value) {
        String recipient = value.strip();
        if (recipient.isEmpty()) {
            throw PlatformException.invalid("recipient", "Give the recipient's e-mail address or DID.");
        }
        if (recipient.length() > 500) {
            throw PlatformException.invalid("recipient", "At most 500 characters.");
        }
        return recipient.startsWith("did:") ? new Issuance.To.DidSubject(recipient) : new Issuance.To.Email(recipient);
    }

    /** The end of the chosen day (UTC): a credential valid until a date is valid on that whole day. */
    private static Optional<Instant> endOf(String date) {
        if (date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date.strip())
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .minusSeconds(1));
        } catch (DateTimeParseException e) {
            throw PlatformException.invalid("validUntil", "Give a date as YYYY-MM-DD.");
        }
    }

    private static String at(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
