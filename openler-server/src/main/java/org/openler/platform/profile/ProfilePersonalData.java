package org.openler.platform.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.privacy.HeldItem;
import org.openler.platform.privacy.IdMap;
import org.openler.platform.privacy.PersonalData;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The skills profile's part of what OpenLER holds about a learner: their self-asserted skills (with the held
 * credential offered as evidence, by its wallet id) and experiences. Skills from credentials and endorsements are not
 * exported here: they come back with the wallet's credentials. Nothing is shared with anyone, so nothing is withdrawn
 * before deletion (the rows go with the account).
 */
@Component
class ProfilePersonalData implements PersonalData {

    static final String SECTION = "skills-profile";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProfileStore store;
    private final Clock clock;

    ProfilePersonalData(ProfileStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public int restoreOrder() {
        return 30; // after the wallet (10): evidence refers to held credentials
    }

    @Override
    public List<HeldItem> summary(AccountId owner) {
        return List.of(
                new HeldItem("profile.held.skills", store.countSkills(owner)),
                new HeldItem("profile.held.experiences", store.countExperiences(owner)));
    }

    @Override
    public JsonNode export(AccountId owner) {
        ObjectNode section = JSON.createObjectNode();
        ArrayNode skills = section.putArray("selfAssertedSkills");
        for (SelfAssertedSkill s : store.skills(owner)) {
            ObjectNode node = skills.addObject();
            node.put("id", s.id().toString());
            node.put("ownWords", s.ownWords());
            node.put(
                    "competency",
                    s.competencyUri() == null ? null : s.competencyUri().toString());
            node.put("competencyLabel", s.competencyLabel());
            node.put(
                    "evidenceUrl",
                    s.evidenceUrl() == null ? null : s.evidenceUrl().toString());
            node.put("evidenceText", s.evidenceText());
            node.put(
                    "evidenceCredential",
                    s.evidenceCredential() == null
                            ? null
                            : s.evidenceCredential().toString());
            if (s.level() > 0) {
                node.put("level", s.level());
            }
        }
        ArrayNode experiences = section.putArray("experiences");
        for (Experience e : store.experiences(owner)) {
            ObjectNode node = experiences.addObject();
            node.put("id", e.id().toString());
            node.put("kind", e.kind().name().toLowerCase());
            node.put("title", e.title());
            node.put("organization", e.organization());
            node.put("start", e.start() == null ? null : e.start().toString());
            node.put("end", e.end() == null ? null : e.end().toString());
            node.put("description", e.description());
        }
        return section;
    }

    /**
     * Restores the learner's own skills and experiences with new ids. The competency and its label are taken as
     * exported (the ontology of the importing OpenLER may not hold that framework); the evidence credential is
     * translated through the wallet's ids, and dropped when the wallet section did not bring it back.
     */
    @Override
    public void restore(AccountId owner, JsonNode section, IdMap ids) {
        if (!section.isObject()) {
            throw malformed("the section is not a JSON object");
        }
        Instant now = clock.instant();
        for (JsonNode s : array(section, "selfAssertedSkills")) {
            String words = text(s, "ownWords");
            if (words.isBlank() || words.length() > SelfAssertedSkills.MAX_WORDS) {
                throw malformed("a self-asserted skill has no words, or too many");
            }
            String evidenceText = text(s, "evidenceText");
            if (evidenceText.length() > SelfAssertedSkills.MAX_EVIDENCE_TEXT) {
                throw malformed("a skill's evidence is too long");
            }
            String competency = text(s, "competency");
            String label = text(s, "competencyLabel");
            String evidenceUrl = text(s, "evidenceUrl");
            String credential = text(s, "evidenceCredential");
            UUID evidenceCredential =
                    credential.isBlank() ? null : ids.find("wallet", credential).orElse(null);
            try {
                store.insertSkill(
                        owner,
                        new ProfileStore.SkillFields(
                                words.strip(),
                                competency.isBlank() ? null : SelfAssertedSkills.uri(competency, "competency", false),
                                competency.isBlank() || label.isBlank() ? null : clip(label, 500),
                                evidenceUrl.isBlank() ? null : SelfAssertedSkills.uri(evidenceUrl, "evidenceUrl", true),
                                evidenceText.isBlank() ? null : evidenceText,
                                evidenceCredential,
                                s.path("level").isInt()
                                                && s.path("level").asInt() >= 1
                                                && s.path("level").asInt() <= 5
                                        ? Integer.valueOf(s.path("level").asInt())
                                        : null),
                        now);
            } catch (PlatformException e) {
                throw malformed("a self-asserted skill's competency or evidence link is not a valid address");
            }
        }
        for (JsonNode e : array(section, "experiences")) {
            try {
                store.insertExperience(
                        owner,
                        Experiences.fields(new Experiences.Input(
                                text(e, "kind"),
                                text(e, "title"),
                                text(e, "organization"),
                                text(e, "start"),
                                text(e, "end"),
                                text(e, "description"))),
                        now);
            } catch (PlatformException refused) {
                throw malformed("an experience is not valid ("
                        + (refused.fieldErrors().isEmpty()
                                ? refused.detail()
                                : refused.fieldErrors().get(0).field())
                        + ")");
            }
        }
    }

    private static List<JsonNode> array(JsonNode section, String field) {
        JsonNode value = section.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > ProfileStore.MAX_ROWS) {
            throw malformed("'" + field + "' is not a list of at most " + ProfileStore.MAX_ROWS);
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw malformed("an item of '" + field + "' is not a JSON object");
            }
        }
        return items;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : "";
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static PlatformException malformed(String what) {
        return new PlatformException(
                Problem.UNPROCESSABLE, "The skills profile section cannot be restored: " + what + ".");
    }
}
