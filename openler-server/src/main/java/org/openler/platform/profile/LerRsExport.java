package org.openler.platform.profile;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.wallet.HeldCredential;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resume as an HR Open LER-RS 4.4 document ({@code LER-RSType.json}). Each credential is embedded exactly as held
 * under {@code educationAndLearnings[].verifications[]} as an {@code otherW3CVerifiableCredential} (the schema's OB 3.0
 * branch describes VC 1.1 credentials; ours are VC 2.0, and a VC-JWT is embedded as a VC 2.0 enveloped credential).
 * Skills name their competency as {@code definitionReference}; verified ones refer to the embedded credentials,
 * endorsed ones name their endorsers, and self-asserted ones say so in a keyword and a comment.
 */
@Component
class LerRsExport {

    static final String TYPE = "http://schema.hropenstandards.org/4.4/recruiting/json/ler-rs/LER-RSType.json";

    /** The keyword every skill carries: where it came from ({@code verified}, {@code endorsed}, {@code self-asserted}). */
    static final String PROVENANCE = "provenance";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    JsonNode export(Resume.View resume) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", TYPE);
        if (!resume.name().isBlank()) {
            root.putObject("person").putObject("name").put("formattedName", resume.name());
        }
        ArrayNode employment = JSON.createArrayNode();
        ArrayNode education = JSON.createArrayNode();
        for (Experience e : resume.experiences()) {
            ObjectNode line = JSON.createObjectNode();
            if (e.kind() == Experience.Kind.WORK) {
                line.putObject("organization").put("name", e.organization());
                dates(line, e.start(), e.end());
                ObjectNode position = line.putArray("positionHistories").addObject();
                position.put("title", e.title());
                dates(position, e.start(), e.end());
                descriptions(line, e.description());
                employment.add(line);
            } else {
                line.putObject("institution").put("name", e.organization());
                dates(line, e.start(), e.end());
                line.putArray("programs").add(e.title());
                descriptions(line, e.description());
                education.add(line);
            }
        }
        for (Resume.Shown shown : resume.credentials()) {
            if (shown.checked().credential().format().openBadges2()) {
                continue; // LER-RS carries W3C verifiable credentials; an Open Badges 2.0 assertion is not one
            }
            education.addObject().putArray("verifications").add(embedded(shown));
        }
        put(root, "employmentHistories", employment);
        put(root, "educationAndLearnings", education);
        ArrayNode skills = JSON.createArrayNode();
        for (ProfileSkill skill : resume.skills()) {
            skills.add(skill(skill, resume));
        }
        put(root, "skills", skills);
        return root;
    }

    private static ObjectNode skill(ProfileSkill skill, Resume.View resume) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", skill.label());
        skill.competency()
                .ifPresent(uri -> node.putObject("definitionReference").put("reference", uri.toString()));
        ArrayNode keywords = node.putArray("keywords");
        ArrayNode comments = JSON.createArrayNode();
        if (skill.verified()) {
            keywords.addObject().put("name", PROVENANCE).put("value", "verified");
        }
        if (skill.endorsed()) {
            keywords.addObject().put("name", PROVENANCE).put("value", "endorsed");
        }
        if (!skill.assertedBy().isEmpty()) {
            keywords.addObject().put("name", PROVENANCE).put("value", "self-asserted");
            comments.add("Self-asserted by the learner.");
        }
        ArrayNode verifications = JSON.createArrayNode();
        for (Provenance.Verified v : skill.verifiedBy()) {
            credentialReference(resume, v.credential())
                    .ifPresent(ref ->
                            verifications.addObject().putObject("Verification").put("reference", ref));
        }
        ArrayNode endorsers = JSON.createArrayNode();
        for (Provenance.Endorsed e : skill.endorsedBy()) {
            ObjectNode endorser = endorsers.addObject();
            endorser.putObject("organization").put("name", e.endorser());
            if (!e.comment().isBlank()) {
                endorser.putArray("comments").add(e.comment());
            }
            credentialReference(resume, e.credential())
                    .ifPresent(ref ->
                            verifications.addObject().putObject("Verification").put("reference", ref));
        }
        for (Provenance.SelfAsserted s : skill.assertedBy()) {
            if (s.evidenceText() != null) {
                comments.add("Evidence: " + s.evidenceText());
            }
            if (s.evidenceUrl() != null) {
                comments.add("Evidence: " + s.evidenceUrl());
            }
        }
        put(node, "endorsers", endorsers);
        put(node, "comments", comments);
        put(node, "verifications", verifications);
        return node;
    }

    /** The embedded credential's own id, so a skill can point at it; the wallet id as a URN when it has none. */
    private static Optional<String> credentialReference(Resume.View resume, UUID walletId) {
        return resume.credentials().stream()
                .filter(s -> s.checked().credential().id().equals(walletId))
                .findFirst()
                .map(s -> idOf(s));
    }

    private static String idOf(Resume.Shown shown) {
        try {
            JsonNode credential = JSON.readTree(
                    CredentialClaims.json(shown.checked().credential().format(), shown.document())
                            .toString());
            String id = credential.path("id").asString("");
            if (!id.isBlank()) {
                return id;
            }
        } catch (RuntimeException e) {
            // fall through to the wallet id
        }
        return "urn:uuid:" + shown.checked().credential().id();
    }

    /** The credential exactly as held: its JSON, or a VC-JWT as a VC 2.0 enveloped credential (a data: URL). */
    private static ObjectNode embedded(Resume.Shown shown) {
        ObjectNode wrapper = JSON.createObjectNode();
        HeldCredential.Format format = shown.checked().credential().format();
        if (format != HeldCredential.Format.DATA_INTEGRITY) {
            // A VC-JWT or an SD-JWT VC (with every disclosure: the learner's own export) as an enveloped credential.
            ObjectNode enveloped = wrapper.putObject("otherW3CVerifiableCredential");
            enveloped.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
            enveloped.put(
                    "id", "data:" + format.mediaType() + "," + shown.document().strip());
            enveloped.put("type", "EnvelopedVerifiableCredential");
        } else {
            wrapper.set("otherW3CVerifiableCredential", JSON.readTree(shown.document()));
        }
        return wrapper;
    }

    private static void dates(ObjectNode node, @Nullable LocalDate start, @Nullable LocalDate end) {
        if (start != null) {
            node.put("start", start.toString());
        }
        if (end != null) {
            node.put("end", end.toString());
        } else if (start != null) {
            node.put("current", true);
        }
    }

    private static void descriptions(ObjectNode node, String description) {
        if (!description.isBlank()) {
            node.putArray("descriptions").add(description);
        }
    }

    /** The schema wants at least one item in each array it lists, so an empty one is left out. */
    private static void put(ObjectNode node, String field, ArrayNode array) {
        if (!array.isEmpty()) {
            node.set(field, array);
        }
    }
}
