package org.openler.platform.jobs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.PlatformException.FieldError;
import org.openler.platform.problems.Problem;
import org.openler.platform.registry.Ctid;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Occupation;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads a job from a request and checks every field against the ontology and the registry, collecting all mistakes
 * into one 400 problem: an unknown occupation or skill, no requirements, a weight outside (0, 1], a level outside 1–5,
 * a title that is too long or not in Latin script (the occupation titles it is matched against are English and
 * Spanish), a pay range upside down.
 */
@Component
class JobInput {

    static final int MAX_TITLE = 200;
    static final int MAX_REQUIREMENTS = 100;
    static final int MAX_CREDENTIALS = 20;
    static final Pattern ONET_CODE = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_PAY = new BigDecimal("10000000");

    private final OnetOccupations onet;
    private final Competencies competencies;
    private final RegistryEntries registry;
    private final WorkActivities activities;

    JobInput(OnetOccupations onet, Competencies competencies, RegistryEntries registry, WorkActivities activities) {
        this.onet = onet;
        this.competencies = competencies;
        this.registry = registry;
        this.activities = activities;
    }

    /** A title as typed: stripped; refused when empty, too long, or not in Latin script. */
    static String title(@Nullable String text, String field) {
        String title = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            throw PlatformException.invalid(field, "A job title is needed.");
        }
        if (title.length() > MAX_TITLE) {
            throw PlatformException.invalid(field, "A job title is at most " + MAX_TITLE + " characters.");
        }
        boolean letters = false;
        for (int i = 0; i < title.length(); ) {
            int cp = title.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                throw PlatformException.invalid(field, "A job title must not contain control characters.");
            }
            if (Character.isLetter(cp)) {
                letters = true;
                if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                    throw PlatformException.invalid(
                            field,
                            "Write the job title in Latin script (English or Spanish): occupations are matched"
                                    + " against English and Spanish titles.");
                }
            }
        }
        if (!letters) {
            throw PlatformException.invalid(field, "A job title needs words.");
        }
        return title;
    }

    /** The O*NET occupation a code names, or a 400 saying the code is unknown. */
    Occupation occupation(@Nullable String code, String field) {
        if (code == null || !ONET_CODE.matcher(code.strip()).matches()) {
            throw PlatformException.invalid(field, "An O*NET-SOC code looks like 15-1252.00.");
        }
        return onet.byCode(code.strip())
                .orElseThrow(() ->
                        PlatformException.invalid(field, "No O*NET-SOC occupation has the code " + code.strip() + "."));
    }

    JobContent read(JsonNode body) {
        if (!body.isObject()) {
            throw new PlatformException(Problem.MALFORMED_REQUEST, "Send the job as a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        Occupation occupation = attempt(errors, () -> occupation(string(body, "occupation"), "occupation"), null);
        List<JobRequirement> requirements = requirements(errors, body.path("requirements"));
        List<JobCredential> credentials = credentials(errors, body.path("credentials"));
        Details details = details(errors, body, "USD");
        if (!errors.isEmpty() || occupation == null) {
            throw new PlatformException(Problem.INVALID_INPUT, "Some fields of the job are not valid.", errors);
        }
        return details.of(occupation.code(), Optional.empty(), requirements, credentials);
    }

    /**
     * The job's details (title, summary, place, experience, education, pay) read by the same rules as a new job's,
     * for the editor's details form; the occupation, skills and credentials stay as they are.
     */
    static JobContent readDetails(JsonNode body, JobContent current) {
        List<FieldError> errors = new ArrayList<>();
        Details details = details(
                errors, body, current.pay().map(JobContent.Pay::currency).orElse("USD"));
        if (!errors.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Some fields of the job are not valid.", errors);
        }
        return details.of(current.onetCode(), current.escoUri(), current.requirements(), current.credentials());
    }

    /** The fields a job's details form and a new job share. */
    private record Details(
            String title,
            String summary,
            int experience,
            JobContent.Education education,
            String location,
            JobContent.Remote remote,
            Optional<JobContent.Pay> pay) {

        JobContent of(
                String onetCode,
                Optional<String> escoUri,
                List<JobRequirement> requirements,
                List<JobCredential> credentials) {
            return new JobContent(
                    title,
                    onetCode,
                    escoUri,
                    summary,
                    requirements,
                    credentials,
                    experience,
                    education,
                    location,
                    remote,
                    pay);
        }
    }

    private static Details details(List<FieldError> errors, JsonNode body, String defaultCurrency) {
        String title = attempt(errors, () -> title(string(body, "title"), "title"), "");
        String summary = text(errors, body, "summary", 4000);
        int experience = whole(errors, body, "experienceMonths", 0, 600);
        JobContent.Education education = JobContent.Education.of(
                        Optional.ofNullable(string(body, "education")).orElse("none"))
                .orElseGet(() -> {
                    errors.add(new FieldError(
                            "education",
                            "One of none, high-school, postsecondary-certificate, associate, bachelor, master,"
                                    + " doctorate."));
                    return JobContent.Education.NONE;
                });
        String location = text(errors, body, "location", 200);
        JobContent.Remote remote = JobContent.Remote.ONSITE;
        String remoteCode = string(body, "remote");
        if (remoteCode != null) {
            try {
                remote = JobContent.Remote.valueOf(remoteCode.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("remote", "One of onsite, hybrid, remote."));
            }
        }
        Optional<JobContent.Pay> pay = pay(errors, body.path("pay"), defaultCurrency);
        return new Details(title, summary, experience, education, location, remote, pay);
    }

    private List<JobRequirement> requirements(List<FieldError> errors, JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            errors.add(new FieldError("requirements", "A job needs at least one required or preferred skill."));
            return List.of();
        }
        if (array.size() > MAX_REQUIREMENTS) {
            errors.add(new FieldError("requirements", "At most " + MAX_REQUIREMENTS + " skills."));
            return List.of();
        }
        List<JobRequirement> list = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode r = array.get(i);
            String field = "requirements[" + i + "]";
            String skill = string(r, "skill");
            Optional<Named> competency = Optional.empty();
            if (skill == null || skill.isBlank() || skill.length() > 500) {
                errors.add(new FieldError(field + ".skill", "The skill's URI is needed."));
            } else {
                try {
                    competency = named(URI.create(skill.strip()));
                } catch (IllegalArgumentException e) {
                    competency = Optional.empty();
                }
                if (competency.isEmpty()) {
                    errors.add(new FieldError(
                            field + ".skill", "No skill in the ontology nor O*NET work activity has this URI."));
                } else if (!seen.add(competency.get().uri())) {
                    errors.add(new FieldError(field + ".skill", "This skill is listed twice."));
                }
            }
            JsonNode w = r.path("weight");
            double weight = 0.5;
            if (!w.isMissingNode()) {
                if (!w.isNumber() || !(w.doubleValue() > 0 && w.doubleValue() <= 1)) {
                    errors.add(new FieldError(field + ".weight", "A weight is a number above 0 and at most 1."));
                } else {
                    weight = w.doubleValue();
                }
            }
            JsonNode l = r.path("level");
            int level = 3;
            if (!l.isMissingNode()) {
                if (!l.isIntegralNumber() || l.asInt() < 1 || l.asInt() > 5) {
                    errors.add(new FieldError(field + ".level", "A level is a whole number from 1 to 5."));
                } else {
                    level = l.asInt();
                }
            }
            JsonNode req = r.path("required");
            if (!req.isMissingNode() && !req.isBoolean()) {
                errors.add(new FieldError(field + ".required", "true (required) or false (preferred)."));
            }
            String source = Optional.ofNullable(string(r, "source"))
                    .filter(s -> List.of("rated", "related", "technology", "esco", "dwa", "employer")
                            .contains(s))
                    .orElse("employer");
            if (competency.isPresent() && weight > 0 && weight <= 1) {
                list.add(new JobRequirement(
                        competency.get().uri(),
                        competency.get().label(),
                        weight,
                        req.isBoolean() ? req.booleanValue() : weight >= CompetencyDna.REQUIRED,
                        level,
                        source));
            }
        }
        return list;
    }

    /** What a requirement may name: a skill of the ontology, or an O*NET detailed work activity. */
    private record Named(URI uri, String label) {}

    private Optional<Named> named(URI uri) {
        Optional<Named> skill = competencies.byUri(uri).map(c -> new Named(c.uri(), c.label()));
        return skill.isPresent() ? skill : activities.byUri(uri).map(a -> new Named(a.uri(), a.title()));
    }

    private List<JobCredential> credentials(List<FieldError> errors, JsonNode array) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray() || array.size() > MAX_CREDENTIALS) {
            errors.add(new FieldError("credentials", "A list of at most " + MAX_CREDENTIALS + " credentials."));
            return List.of();
        }
        List<JobCredential> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode c = array.get(i);
            String field = "credentials[" + i + "].ctid";
            Optional<Ctid> ctid = Optional.ofNullable(string(c, "ctid")).flatMap(Ctid::parse);
            if (ctid.isEmpty()) {
                errors.add(new FieldError(field, "A CTID looks like ce-<uuid>."));
                continue;
            }
            var published = registry.findPublished(ctid.get());
            if (published.isEmpty()) {
                errors.add(new FieldError(field, "No published registry credential has this CTID."));
            } else if (seen.add(ctid.get().value())) {
                JsonNode req = c.path("required");
                list.add(new JobCredential(
                        ctid.get().value(),
                        published.get().credential().name(),
                        !req.isBoolean() || req.booleanValue()));
            }
        }
        return list;
    }

    private static Optional<JobContent.Pay> pay(List<FieldError> errors, JsonNode pay, String defaultCurrency) {
        if (pay.isMissingNode() || pay.isNull()) {
            return Optional.empty();
        }
        if (!pay.isObject() || !pay.path("min").isNumber() || !pay.path("max").isNumber()) {
            errors.add(new FieldError("pay", "{\"min\": …, \"max\": …, \"currency\": \"USD\", \"unit\": \"hour\"}"));
            return Optional.empty();
        }
        BigDecimal min = pay.path("min").decimalValue();
        BigDecimal max = pay.path("max").decimalValue();
        if (min.signum() < 0 || max.compareTo(min) < 0 || max.compareTo(MAX_PAY) > 0) {
            errors.add(new FieldError("pay", "0 ≤ min ≤ max ≤ 10,000,000."));
            return Optional.empty();
        }
        String currency = Optional.ofNullable(string(pay, "currency")).orElse(defaultCurrency);
        if (!CURRENCY.matcher(currency).matches()) {
            errors.add(new FieldError("pay.currency", "An ISO 4217 code such as USD."));
            return Optional.empty();
        }
        String unit = Optional.ofNullable(string(pay, "unit")).orElse("hour");
        if (!unit.equals("hour") && !unit.equals("year")) {
            errors.add(new FieldError("pay.unit", "hour or year."));
            return Optional.empty();
        }
        return Optional.of(new JobContent.Pay(
                min.setScale(2, RoundingMode.HALF_UP),
                max.setScale(2, RoundingMode.HALF_UP),
                currency,
                JobContent.Pay.Unit.valueOf(unit.toUpperCase(Locale.ROOT))));
    }

    private static String text(List<FieldError> errors, JsonNode body, String field, int max) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (!node.isString() || node.asString().length() > max) {
            errors.add(new FieldError(field, "Text of at most " + max + " characters."));
            return "";
        }
        return node.asString().strip();
    }

    private static int whole(List<FieldError> errors, JsonNode body, String field, int min, int max) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return min;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            errors.add(new FieldError(field, "A whole number from " + min + " to " + max + "."));
            return min;
        }
        return node.asInt();
    }

    static @Nullable String string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static <T> T attempt(List<FieldError> errors, Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (PlatformException e) {
            errors.addAll(e.fieldErrors());
            return fallback;
        }
    }
}
