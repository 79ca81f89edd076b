package org.openler.platform.jobs;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.PlatformException.FieldError;
import org.openler.platform.problems.Problem;
import org.openler.platform.registry.Ctid;
import org.openler.platform.registry.RegistryEntries;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job as an HR Open Standards {@code PositionOpening} (4.3/4.4 JSON), both ways. Export writes one position profile
 * with HR Open's own field names; import reads the first profile into the same request body the JSON API takes, so a
 * job imported is checked by exactly the rules of a job posted ({@link JobInput}), and every mistake is reported at
 * its place in the HR Open document. docs/jobs.md has the field-by-field mapping.
 */
@Component
class HrOpenPositions {

    /** Which profile an Accept header can name, as CTDL's is named for {@code ceterms:Job}. */
    static final String PROFILE = "https://www.hropenstandards.org/recruiting/json/PositionOpeningType.json";

    static final String SCHEME_ONET = "O*NET-SOC";
    static final String SCHEME_ESCO = "ESCO";
    static final String SCHEME_CTID = "CTID";
    /** The description export writes from the job's content; import leaves it out (it is written again). */
    static final String GENERATED = "openler-generated";

    private static final String PROFILE0 = "positionProfiles[0]";

    /** More position profiles than one posting has in practice; a guard against a request that creates thousands. */
    static final int MAX_PROFILES = 20;

    private static final String QUALIFICATION0 = PROFILE0 + ".positionQualifications[0]";
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JobInput input;
    private final JobDescriptions descriptions;
    private final RegistryEntries registry;
    private final JobDrafts drafts;
    private final Schema schema;

    HrOpenPositions(JobInput input, JobDescriptions descriptions, RegistryEntries registry, JobDrafts drafts) {
        this.input = input;
        this.descriptions = descriptions;
        this.registry = registry;
        this.drafts = drafts;
        // draft-04 as HR Open writes its schemas; formats are annotations, as for the CTDL schemas
        this.schema = SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_4,
                        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(false)
                                .build()))
                .getSchema(load("hropen-position-opening.schema.json"));
    }

    /** Whether a request names HR Open: {@code ?format=hropen}, or a body that is a PositionOpening. */
    static boolean requested(String format, JsonNode body) {
        return "hropen".equals(format) || (format.isEmpty() && body.isObject() && body.has("positionProfiles"));
    }

    // ---- export ---------------------------------------------------------------------------------------------------

    ObjectNode export(Job job, String url, String base) {
        JobContent c = job.content();
        ObjectNode doc = NODES.objectNode();
        doc.set("documentId", id(job.id().toString(), "openler-job", base));
        doc.put("language", "en");
        doc.put("statusCode", job.status() == Job.Status.OPEN ? "Active" : "Closed");
        ObjectNode requester = doc.putObject("postingRequester");
        requester.set("id", id(job.organizationSlug(), "openler-organization", base));
        requester.put("name", job.organizationName());
        requester.put("roleCode", "Company");
        ObjectNode profile = doc.putArray("positionProfiles").addObject();
        profile.put("language", "en");
        profile.put("profileName", "OpenLER job");
        profile.set("positionId", id(job.id().toString(), "openler-job", base));
        profile.put("positionTitle", c.title());
        profile.put("positionUri", url);
        if (!c.location().isBlank()) {
            profile.putArray("positionLocation").addObject().put("name", c.location());
        }
        ArrayNode categories = profile.putArray("jobCategories");
        ObjectNode onet = categories.addObject();
        ObjectNode onetId = id(c.onetCode(), SCHEME_ONET, "O*NET");
        onetId.put("schemeVersionId", "2019");
        onetId.put("schemeLink", TitleSearchSuggester.ONET_PREFIX + c.onetCode());
        onet.set("id", onetId);
        onet.put("code", c.onetCode());
        onet.put("name", job.onetTitle());
        c.escoUri().ifPresent(uri -> {
            ObjectNode esco = categories.addObject();
            esco.set("id", id(uri, SCHEME_ESCO, "European Commission"));
            esco.put("name", job.escoTitle().orElse(uri));
        });
        ArrayNode texts = profile.putArray("positionFormattedDescriptions");
        if (!c.summary().isBlank()) {
            ObjectNode summary = texts.addObject();
            summary.putObject("descriptionId").put("value", "summary");
            summary.put("title", "Summary");
            summary.put("content", c.summary());
        }
        ObjectNode generated = texts.addObject();
        generated.putObject("descriptionId").put("value", GENERATED);
        generated.put("title", "About the job");
        generated.put("content", descriptions.describe(job, Locale.ENGLISH));
        profile.set("positionQualifications", NODES.arrayNode().add(qualification(c)));
        ObjectNode remote = profile.putObject("remoteWork");
        remote.put("remoteWorkIndicator", c.remote() != JobContent.Remote.ONSITE);
        if (c.remote() == JobContent.Remote.REMOTE) {
            remote.putArray("workLocationCodes").add("Home");
        } else if (c.remote() == JobContent.Remote.HYBRID) {
            remote.put("remoteEligibilityRequirement", "Hybrid: part of the work is on site.");
        }
        c.pay().ifPresent(p -> {
            ObjectNode pay = profile.putObject("offeredRemunerationPackage");
            pay.put("basisCode", p.unit() == JobContent.Pay.Unit.HOUR ? "Hourly" : "Salaried");
            ObjectNode range = pay.putArray("ranges").addObject();
            range.putObject("minimumAmount").put("value", p.min()).put("currency", p.currency());
            range.putObject("maximumAmount").put("value", p.max()).put("currency", p.currency());
            range.put("intervalCode", p.unit() == JobContent.Pay.Unit.HOUR ? "Hour" : "Year");
        });
        return doc;
    }

    private ObjectNode qualification(JobContent c) {
        ObjectNode q = NODES.objectNode();
        ArrayNode competencies = q.putArray("positionCompetencies");
        for (JobRequirement r : c.requirements()) {
            ObjectNode k = competencies.addObject();
            String uri = r.skill().toString();
            k.putArray("competencyIds").add(id(uri, scheme(uri), ""));
            k.put("competencyName", r.label());
            k.putObject("weight")
                    .put("value", r.weight())
                    .put("minimumScore", 0)
                    .put("maximumScore", 1);
            ObjectNode level = k.putObject(r.required() ? "requiredProficiencyLevel" : "desiredProficiencyLevel");
            level.putArray("scoresNumeric")
                    .addObject()
                    .put("value", r.level())
                    .put("minimum", 1)
                    .put("maximum", 5);
            k.put("competencyClassificationCode", r.source());
        }
        for (JobCredential credential : c.credentials()) {
            ObjectNode k = competencies.addObject();
            k.put("competencyName", credential.name());
            ObjectNode evidence = k.putObject("competencyEvidenceRequirement");
            evidence.put("evidenceTypeCode", credential.required() ? "RequiredCredential" : "PreferredCredential");
            evidence.put("evidenceName", credential.name());
            ObjectNode ctid = id(credential.ctid(), SCHEME_CTID, "Credential Engine");
            ctid.put(
                    "schemeLink",
                    registry.resourceUrl(new Ctid(credential.ctid())).toString());
            evidence.putArray("ids").add(ctid);
        }
        if (c.education() != JobContent.Education.NONE) {
            ObjectNode e = q.putObject("educationRequirement");
            e.put("educationLevelCode", c.education().code());
            e.put("iscedEducationLevelCode", isced(c.education()));
        }
        if (c.experienceMonths() > 0) {
            q.putArray("experienceSummary")
                    .addObject()
                    .putObject("measure")
                    .put("value", c.experienceMonths())
                    .put("unitCode", "MON");
        }
        List<String> licences = c.credentials().stream()
                .filter(JobCredential::required)
                .map(JobCredential::name)
                .toList();
        if (!licences.isEmpty()) {
            ArrayNode names = q.putArray("licences");
            licences.forEach(names::add);
        }
        return q;
    }

    // ---- import ---------------------------------------------------------------------------------------------------

    /** What an imported PositionOpening becomes: the job's content, and whether the document says it is closed. */
    record Imported(JobContent content, boolean closed) {}

    /** The one position profile of a posting, for a PUT (which replaces one job): more than one is a 400. */
    Imported read(JsonNode doc) {
        validate(doc);
        if (doc.path("positionProfiles").size() > 1) {
            throw PlatformException.invalid(
                    "positionProfiles",
                    "A PUT replaces one job: send a PositionOpening with one position profile (POST imports a"
                            + " posting with several, one job each).");
        }
        return read(doc, 0);
    }

    /**
     * Every position profile of a posting, each its own job, in the document's order. All are read and checked before
     * the caller stores any, so a mistake in the third profile stores none.
     */
    List<Imported> readAll(JsonNode doc) {
        validate(doc);
        int profiles = doc.path("positionProfiles").size();
        if (profiles == 0) {
            throw PlatformException.invalid("positionProfiles", "A posting needs at least one position profile.");
        }
        if (profiles > MAX_PROFILES) {
            throw PlatformException.invalid(
                    "positionProfiles", "At most " + MAX_PROFILES + " position profiles in one posting.");
        }
        List<Imported> all = new ArrayList<>();
        for (int i = 0; i < profiles; i++) {
            all.add(read(doc, i));
        }
        return all;
    }

    private void validate(JsonNode doc) {
        if (!doc.isObject()) {
            throw new PlatformException(Problem.MALFORMED_REQUEST, "Send the PositionOpening as a JSON object.");
        }
        List<FieldError> invalid = schemaErrors(doc);
        if (!invalid.isEmpty()) {
            throw new PlatformException(
                    Problem.INVALID_INPUT, "The document is not an HR Open PositionOpening OpenLER can read.", invalid);
        }
    }

    /**
     * The {@code index}-th position profile as a job. The readers below name places as in the first profile ({@link
     * #PROFILE0}); every place named in an answer is moved to this profile's index on the way out.
     */
    private Imported read(JsonNode doc, int index) {
        try {
            return readProfile(doc, doc.path("positionProfiles").get(index));
        } catch (PlatformException e) {
            if (index == 0 || e.fieldErrors().isEmpty()) {
                throw e;
            }
            throw new PlatformException(
                    e.problem(),
                    e.detail(),
                    e.fieldErrors().stream()
                            .map(f -> new FieldError(inProfile(f.field(), index), f.message()))
                            .toList());
        }
    }

    static String inProfile(String field, int index) {
        return field.startsWith(PROFILE0)
                ? "positionProfiles[" + index + "]" + field.substring(PROFILE0.length())
                : field;
    }

    private Imported readProfile(JsonNode doc, JsonNode profile) {
        ObjectNode body = NODES.objectNode();
        Map<String, String> where = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();

        body.put("title", profile.path("positionTitle").asString());
        where.put("title", PROFILE0 + ".positionTitle");
        occupation(profile, body, where, errors);
        summary(profile, body, where);
        location(profile, body, where);
        remote(profile, body);
        pay(profile, body, where, errors);
        JsonNode qualification = profile.path("positionQualifications").path(0);
        education(qualification, body, where, errors);
        experience(qualification, body, where);
        competencies(qualification, body, where);
        if (!errors.isEmpty()) {
            throw new PlatformException(
                    Problem.INVALID_INPUT, "Some fields of the PositionOpening are not valid.", errors);
        }
        if (!body.has("requirements") && body.path("occupation").isString()) {
            // a posting without competencies gets the occupation's proposed requirements, as a draft would
            ArrayNode proposed = body.putArray("requirements");
            for (CompetencyDna.Proposed p :
                    drafts.propose(body.path("occupation").asString()).requirements()) {
                proposed.addObject()
                        .put("skill", p.skill().toString())
                        .put("weight", p.weight())
                        .put("required", p.required())
                        .put("level", p.level())
                        .put("source", p.source());
            }
            where.put("requirements", QUALIFICATION0 + ".positionCompetencies");
        }
        try {
            return new Imported(
                    input.read(body), "Closed".equals(doc.path("statusCode").asString("")));
        } catch (PlatformException e) {
            throw new PlatformException(
                    e.problem(),
                    "Some fields of the PositionOpening are not valid.",
                    e.fieldErrors().stream()
                            .map(f -> new FieldError(located(f.field(), where), f.message()))
                            .toList());
        }
    }

    private List<FieldError> schemaErrors(JsonNode doc) {
        List<FieldError> errors = new ArrayList<>();
        for (Error e : schema.validate(doc)) {
            String at = field(e.getInstanceLocation().toString());
            if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
                at = at.isEmpty() ? e.getProperty() : at + "." + e.getProperty();
            }
            errors.add(new FieldError(at.isEmpty() ? "PositionOpening" : at, e.getMessage()));
            if (errors.size() == 20) {
                break;
            }
        }
        return errors;
    }

    /** A validator's location (a JSON Pointer, or a {@code $.a[0]} path) as this API names fields: {@code a[0].b}. */
    static String field(String location) {
        if (!location.startsWith("/")) {
            return location.replaceFirst("^\\$\\.?", "");
        }
        StringBuilder out = new StringBuilder();
        for (String part : location.substring(1).split("/", -1)) {
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
                out.append('[').append(name).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    /** The O*NET-SOC category, else the best-ranked occupation for the title (as the draft would choose). */
    private void occupation(JsonNode profile, ObjectNode body, Map<String, String> where, List<FieldError> errors) {
        JsonNode categories = profile.path("jobCategories");
        for (int i = 0; i < categories.size(); i++) {
            JsonNode category = categories.get(i);
            String scheme = category.path("id").path("schemeId").asString("");
            String code = category.path("id")
                    .path("value")
                    .asString(category.path("code").asString(""));
            if (scheme.toUpperCase(Locale.ROOT).replace("*", "").startsWith("ONET")
                    || JobInput.ONET_CODE.matcher(code).matches()) {
                body.put("occupation", code);
                where.put("occupation", PROFILE0 + ".jobCategories[" + i + "]");
                return;
            }
        }
        try {
            Optional<String> best =
                    drafts.draft(profile.path("positionTitle").asString(), Optional.empty()).suggestions().stream()
                            .findFirst()
                            .map(JobDrafts.Candidate::code);
            if (best.isPresent()) {
                body.put("occupation", best.get());
                where.put("occupation", PROFILE0 + ".jobCategories");
            } else {
                errors.add(new FieldError(
                        PROFILE0 + ".jobCategories",
                        "Name the O*NET-SOC occupation (a job category with schemeId \"O*NET-SOC\"): none matches"
                                + " the title."));
            }
        } catch (PlatformException e) {
            // the title itself is wrong; JobInput says how, at positionTitle
            where.put("occupation", PROFILE0 + ".jobCategories");
        }
    }

    private static void summary(JsonNode profile, ObjectNode body, Map<String, String> where) {
        List<String> parts = new ArrayList<>();
        for (JsonNode d : profile.path("positionFormattedDescriptions")) {
            if (GENERATED.equals(d.path("descriptionId").path("value").asString(""))) {
                continue;
            }
            String text =
                    TAG.matcher(d.path("content").asString("")).replaceAll(" ").strip();
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        if (!parts.isEmpty()) {
            body.put("summary", String.join("\n\n", parts));
            where.put("summary", PROFILE0 + ".positionFormattedDescriptions");
        }
    }

    private static void location(JsonNode profile, ObjectNode body, Map<String, String> where) {
        JsonNode place = profile.path("positionLocation").path(0);
        for (String field : List.of("name", "formattedAddress", "city")) {
            String text = place.path(field).asString("").strip();
            if (!text.isEmpty()) {
                body.put("location", text);
                where.put("location", PROFILE0 + ".positionLocation[0]." + field);
                return;
            }
        }
    }

    private static void remote(JsonNode profile, ObjectNode body) {
        JsonNode remote = profile.path("remoteWork");
        if (!remote.path("remoteWorkIndicator").asBoolean(false)) {
            body.put("remote", "onsite");
        } else if (remote.path("remoteEligibilityRequirement")
                .asString("")
                .toLowerCase(Locale.ROOT)
                .startsWith("hybrid")) {
            body.put("remote", "hybrid");
        } else {
            body.put("remote", "remote");
        }
    }

    private static void pay(JsonNode profile, ObjectNode body, Map<String, String> where, List<FieldError> errors) {
        JsonNode range =
                profile.path("offeredRemunerationPackage").path("ranges").path(0);
        if (range.isMissingNode()) {
            return;
        }
        String at = PROFILE0 + ".offeredRemunerationPackage.ranges[0]";
        JsonNode min = range.path("minimumAmount");
        JsonNode max = range.path("maximumAmount").isObject() ? range.path("maximumAmount") : min;
        if (!min.isObject()) {
            errors.add(new FieldError(at + ".minimumAmount", "A pay range needs its minimum amount."));
            return;
        }
        String unit = switch (range.path("intervalCode").asString("")) {
            case "Hour" -> "hour";
            case "Year" -> "year";
            default -> "";
        };
        if (unit.isEmpty()) {
            errors.add(new FieldError(at + ".intervalCode", "OpenLER takes pay per Hour or per Year."));
            return;
        }
        String currency = min.path("currency").asString(max.path("currency").asString("USD"));
        if (!currency.equals(max.path("currency").asString(currency))) {
            errors.add(new FieldError(at + ".maximumAmount.currency", "Both amounts in the same currency."));
            return;
        }
        ObjectNode pay = body.putObject("pay");
        pay.set("min", min.path("value"));
        pay.set("max", max.path("value"));
        pay.put("currency", currency);
        pay.put("unit", unit);
        where.put("pay", at);
        where.put("pay.currency", at + ".minimumAmount.currency");
        where.put("pay.unit", at + ".intervalCode");
    }

    private static void education(
            JsonNode qualification, ObjectNode body, Map<String, String> where, List<FieldError> errors) {
        JsonNode e = qualification.path("educationRequirement");
        String at = QUALIFICATION0 + ".educationRequirement";
        String code = e.path("educationLevelCode").asString("");
        if (JobContent.Education.of(code).isPresent()) {
            body.put("education", code);
            where.put("education", at + ".educationLevelCode");
            return;
        }
        String isced = e.path("iscedEducationLevelCode").asString("");
        if (!isced.isEmpty()) {
            body.put("education", fromIsced(isced).code());
            where.put("education", at + ".iscedEducationLevelCode");
        } else if (!code.isEmpty()) {
            errors.add(new FieldError(
                    at + ".educationLevelCode",
                    "One of none, high-school, postsecondary-certificate, associate, bachelor, master, doctorate;"
                            + " or give iscedEducationLevelCode."));
        }
    }

    private static void experience(JsonNode qualification, ObjectNode body, Map<String, String> where) {
        JsonNode measure = qualification.path("experienceSummary").path(0).path("measure");
        if (!measure.isObject()) {
            return;
        }
        double value = measure.path("value").asDouble();
        double months = switch (measure.path("unitCode").asString("MON")) {
            case "ANN" -> value * 12;
            case "WEE" -> value * 12 / 52;
            case "DAY" -> value * 12 / 365;
            default -> value;
        };
        // a whole number of months: JobInput refuses what is beyond 600
        body.put("experienceMonths", Math.round(Math.min(months, 1e6)));
        where.put("experienceMonths", QUALIFICATION0 + ".experienceSummary[0].measure");
    }

    private static void competencies(JsonNode qualification, ObjectNode body, Map<String, String> where) {
        JsonNode list = qualification.path("positionCompetencies");
        ArrayNode requirements = NODES.arrayNode();
        ArrayNode credentials = NODES.arrayNode();
        for (int i = 0; i < list.size(); i++) {
            JsonNode k = list.get(i);
            String at = QUALIFICATION0 + ".positionCompetencies[" + i + "]";
            JsonNode evidence = k.path("competencyEvidenceRequirement");
            String evidenceType = evidence.path("evidenceTypeCode").asString("");
            if (evidenceType.endsWith("Credential")) {
                String ctid = "";
                for (JsonNode id : evidence.path("ids")) {
                    String value = id.path("value").asString("");
                    if (SCHEME_CTID.equalsIgnoreCase(id.path("schemeId").asString("")) || value.startsWith("ce-")) {
                        ctid = value;
                        break;
                    }
                }
                where.put("credentials[" + credentials.size() + "].ctid", at + ".competencyEvidenceRequirement.ids");
                credentials.addObject().put("ctid", ctid).put("required", !evidenceType.equals("PreferredCredential"));
                continue;
            }
            String r = "requirements[" + requirements.size() + "]";
            ObjectNode requirement = requirements.addObject();
            requirement.put(
                    "skill", k.path("competencyIds").path(0).path("value").asString(""));
            where.put(r + ".skill", at + ".competencyIds");
            JsonNode weight = k.path("weight");
            if (weight.isObject()) {
                double value = weight.path("value").asDouble();
                double top = weight.path("maximumScore").asDouble(value > 1 ? 100 : 1);
                double bottom = weight.path("minimumScore").asDouble(0);
                requirement.put("weight", top > bottom ? (value - bottom) / (top - bottom) : value);
                where.put(r + ".weight", at + ".weight.value");
            }
            boolean required = k.has("requiredProficiencyLevel");
            JsonNode score = (required ? k.path("requiredProficiencyLevel") : k.path("desiredProficiencyLevel"))
                    .path("scoresNumeric")
                    .path(0);
            if (score.isObject()) {
                double value = score.path("value").asDouble();
                double low = score.path("minimum").asDouble(1);
                double high = score.path("maximum").asDouble(5);
                long level = high > low && (low != 1 || high != 5)
                        ? Math.round(1 + 4 * (value - low) / (high - low))
                        : Math.round(value);
                requirement.put("level", level);
                where.put(
                        r + ".level",
                        at + (required ? ".requiredProficiencyLevel" : ".desiredProficiencyLevel")
                                + ".scoresNumeric[0].value");
            }
            requirement.put("required", required);
            requirement.put("source", k.path("competencyClassificationCode").asString("employer"));
        }
        if (!requirements.isEmpty()) {
            body.set("requirements", requirements);
            where.put("requirements", QUALIFICATION0 + ".positionCompetencies");
        }
        if (!credentials.isEmpty()) {
            body.set("credentials", credentials);
            where.put("credentials", QUALIFICATION0 + ".positionCompetencies");
        }
    }

    /** A JobInput field name as the place in the HR Open document it was read from. */
    private static String located(String field, Map<String, String> where) {
        String best = "";
        for (String key : where.keySet()) {
            if ((field.equals(key) || field.startsWith(key + ".") || field.startsWith(key + "["))
                    && key.length() > best.length()) {
                best = key;
            }
        }
        return best.isEmpty()
                ? field
                : where.get(best) + field.substring(best.length()).replaceFirst("^\\..*", "");
    }

    // ---- codes ----------------------------------------------------------------------------------------------------

    private static String scheme(String uri) {
        if (uri.startsWith("http://data.europa.eu/esco/")) {
            return SCHEME_ESCO;
        }
        return uri.contains("onet") ? "O*NET" : "OpenLER";
    }

    /** ISCED 2011 levels for the education ladder (3 upper secondary … 8 doctoral). */
    static String isced(JobContent.Education education) {
        return switch (education) {
            case NONE -> "0";
            case HIGH_SCHOOL -> "3";
            case POSTSECONDARY_CERTIFICATE -> "4";
            case ASSOCIATE -> "5";
            case BACHELOR -> "6";
            case MASTER -> "7";
            case DOCTORATE -> "8";
        };
    }

    static JobContent.Education fromIsced(String level) {
        return switch (level) {
            case "3" -> JobContent.Education.HIGH_SCHOOL;
            case "4" -> JobContent.Education.POSTSECONDARY_CERTIFICATE;
            case "5" -> JobContent.Education.ASSOCIATE;
            case "6" -> JobContent.Education.BACHELOR;
            case "7" -> JobContent.Education.MASTER;
            case "8" -> JobContent.Education.DOCTORATE;
            default -> JobContent.Education.NONE;
        };
    }

    private static ObjectNode id(String value, String scheme, String agency) {
        ObjectNode id = NODES.objectNode();
        id.put("value", value);
        id.put("schemeId", scheme);
        if (!agency.isEmpty()) {
            id.put("schemeAgencyId", agency);
        }
        return id;
    }

    private static JsonNode load(String name) {
        try (InputStream in = HrOpenPositions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
