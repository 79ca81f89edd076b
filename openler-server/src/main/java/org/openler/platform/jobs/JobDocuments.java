package org.openler.platform.jobs;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.openler.platform.registry.Ctid;
import org.openler.platform.registry.RegistryEntries;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job as linked data, two vocabularies for two audiences: a schema.org {@code JobPosting} (search engines, job
 * boards: occupationalCategory as the O*NET-SOC code, skills as DefinedTerms by their ontology URIs,
 * educationRequirements, experienceRequirements, baseSalary) and a CTDL {@code ceterms:Job} (the Credential Registry
 * world: the occupation as occupationType, required and preferred skills and credentials as condition profiles).
 */
@Component
class JobDocuments {

    static final String CTDL_CONTEXT = "http://credreg.net/ctdl/schema/context/json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SOC = "https://www.onetcenter.org/taxonomy/2019/list.html";

    private final JobDescriptions descriptions;
    private final RegistryEntries registry;

    JobDocuments(JobDescriptions descriptions, RegistryEntries registry) {
        this.descriptions = descriptions;
        this.registry = registry;
    }

    ObjectNode jobPosting(Job job, String url, String organizationUrl) {
        JobContent c = job.content();
        ObjectNode doc = NODES.objectNode();
        doc.put("@context", "https://schema.org");
        doc.put("@type", "JobPosting");
        doc.put("@id", url);
        doc.put("url", url);
        doc.put("identifier", job.id().toString());
        doc.put("title", c.title());
        doc.put("description", description(job));
        doc.put(
                "datePosted",
                job.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        job.closedAt().ifPresent(t -> doc.put("validThrough", t.toString()));
        ObjectNode employer = doc.putObject("hiringOrganization");
        employer.put("@type", "Organization");
        employer.put("@id", organizationUrl);
        employer.put("name", job.organizationName());
        ObjectNode category = doc.putObject("occupationalCategory");
        category.put("@type", "CategoryCode");
        category.put("codeValue", c.onetCode());
        category.put("name", job.onetTitle());
        category.put("inCodeSet", SOC);
        category.put("url", TitleSearchSuggester.ONET_PREFIX + c.onetCode());
        ArrayNode skills = doc.putArray("skills");
        for (JobRequirement r : c.requirements()) {
            ObjectNode term = skills.addObject();
            term.put("@type", "DefinedTerm");
            term.put("@id", r.skill().toString());
            term.put("name", r.label());
            term.put("description", (r.required() ? "required" : "preferred") + ", level " + r.level() + " of 5");
        }
        if (c.education() != JobContent.Education.NONE || !c.credentials().isEmpty()) {
            ArrayNode education = doc.putArray("educationRequirements");
            if (c.education() != JobContent.Education.NONE) {
                ObjectNode e = education.addObject();
                e.put("@type", "EducationalOccupationalCredential");
                e.put("credentialCategory", c.education().schemaOrg());
            }
            for (JobCredential k : c.credentials()) {
                ObjectNode e = education.addObject();
                e.put("@type", "EducationalOccupationalCredential");
                e.put("@id", registry.resourceUrl(new Ctid(k.ctid())).toString());
                e.put("name", k.name());
                e.put("description", k.required() ? "required" : "preferred");
            }
        }
        if (c.experienceMonths() > 0) {
            ObjectNode e = doc.putObject("experienceRequirements");
            e.put("@type", "OccupationalExperienceRequirements");
            e.put("monthsOfExperience", c.experienceMonths());
        }
        if (!c.location().isBlank()) {
            ObjectNode place = doc.putObject("jobLocation");
            place.put("@type", "Place");
            ObjectNode address = place.putObject("address");
            address.put("@type", "PostalAddress");
            address.put("addressLocality", c.location());
        }
        if (c.remote() == JobContent.Remote.REMOTE) {
            doc.put("jobLocationType", "TELECOMMUTE");
        }
        c.pay().ifPresent(p -> {
            ObjectNode salary = doc.putObject("baseSalary");
            salary.put("@type", "MonetaryAmount");
            salary.put("currency", p.currency());
            ObjectNode value = salary.putObject("value");
            value.put("@type", "QuantitativeValue");
            value.put("minValue", p.min());
            value.put("maxValue", p.max());
            value.put("unitText", p.unit().name());
        });
        return doc;
    }

    ObjectNode ctdlJob(Job job, String url, String organizationUrl) {
        JobContent c = job.content();
        ObjectNode doc = NODES.objectNode();
        doc.put("@context", CTDL_CONTEXT);
        doc.put("@id", url);
        doc.put("@type", "ceterms:Job");
        doc.put("ceterms:ctid", "ce-" + job.id());
        doc.put("ceterms:name", c.title());
        doc.put("ceterms:description", description(job));
        doc.put("ceterms:subjectWebpage", url);
        doc.putArray("ceterms:inLanguage").add("en");
        doc.putArray("ceterms:employer").add(organizationUrl);
        ArrayNode occupations = doc.putArray("ceterms:occupationType");
        occupations.add(
                alignment(TitleSearchSuggester.ONET_PREFIX + c.onetCode(), job.onetTitle(), c.onetCode(), "O*NET-SOC"));
        c.escoUri()
                .ifPresent(uri -> occupations.add(alignment(uri, job.escoTitle().orElse(uri), "", "ESCO")));
        List<JobRequirement> required =
                c.requirements().stream().filter(JobRequirement::required).toList();
        List<JobRequirement> preferred =
                c.requirements().stream().filter(r -> !r.required()).toList();
        List<JobCredential> requiredCredentials =
                c.credentials().stream().filter(JobCredential::required).toList();
        List<JobCredential> preferredCredentials =
                c.credentials().stream().filter(k -> !k.required()).toList();
        ObjectNode requires = condition("Required for " + c.title(), required, requiredCredentials);
        if (c.experienceMonths() > 0) {
            requires.put("ceterms:yearsOfExperience", Math.round(c.experienceMonths() / 12.0 * 10) / 10.0);
        }
        if (c.education() != JobContent.Education.NONE) {
            requires.put(
                    "ceterms:experience",
                    "Education: " + c.education().code().replace('-', ' ').toLowerCase(Locale.ROOT));
        }
        doc.putArray("ceterms:requires").add(requires);
        if (!preferred.isEmpty() || !preferredCredentials.isEmpty()) {
            doc.putArray("ceterms:recommends")
                    .add(condition("Preferred for " + c.title(), preferred, preferredCredentials));
        }
        ArrayNode embodied = doc.putArray("ceterms:skillEmbodied");
        c.requirements().forEach(r -> embodied.add(r.skill().toString()));
        return doc;
    }

    private ObjectNode condition(String name, List<JobRequirement> skills, List<JobCredential> credentials) {
        ObjectNode condition = NODES.objectNode();
        condition.put("@type", "ceterms:ConditionProfile");
        condition.put("ceterms:name", name);
        condition.put("ceterms:description", name);
        if (!skills.isEmpty()) {
            ArrayNode competencies = condition.putArray("ceterms:targetCompetency");
            for (JobRequirement r : skills) {
                ObjectNode a = alignment(r.skill().toString(), r.label(), "", "");
                a.put("ceterms:weight", r.weight());
                competencies.add(a);
            }
        }
        if (!credentials.isEmpty()) {
            ArrayNode targets = condition.putArray("ceterms:targetCredential");
            credentials.forEach(
                    k -> targets.add(registry.resourceUrl(new Ctid(k.ctid())).toString()));
        }
        return condition;
    }

    private static ObjectNode alignment(String uri, String name, String code, String framework) {
        ObjectNode node = NODES.objectNode();
        node.put("@type", "ceterms:CredentialAlignmentObject");
        node.put("ceterms:targetNode", uri);
        node.put("ceterms:targetNodeName", name);
        if (!code.isEmpty()) {
            node.put("ceterms:codedNotation", code);
        }
        if (!framework.isEmpty()) {
            node.put("ceterms:frameworkName", framework);
        }
        return node;
    }

    private String description(Job job) {
        String summary = job.content().summary();
        String plain = descriptions.describe(job, Locale.ENGLISH);
        return summary.isBlank() ? plain : summary + "\n\n" + plain;
    }
}
