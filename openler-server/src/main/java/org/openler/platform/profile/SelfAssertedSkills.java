package org.openler.platform.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.LearnerEvidenceChanged;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Competency;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learner's own statements of skill: add, correct, delete (the right to correct what they said about themselves).
 * A competency the learner picked must be one the ontology knows; its label is kept beside the learner's words.
 */
@Service
public class SelfAssertedSkills {

    static final int MAX_WORDS = 200;
    static final int MAX_EVIDENCE_TEXT = 4000;
    static final int MAX_URL = 2000;

    private final ProfileStore store;
    private final Competencies competencies;
    private final Wallet wallet;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    SelfAssertedSkills(
            ProfileStore store,
            Competencies competencies,
            Wallet wallet,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.competencies = competencies;
        this.wallet = wallet;
        this.clock = clock;
    }

    /**
     * What the learner typed: their words, the competency they picked ({@code ""} for none: keep the words as free
     * text), and optional evidence: a link, a narrative,
     * one of their held credentials (its wallet id).
     */
    public record Input(
            String ownWords,
            String competency,
            String evidenceUrl,
            String evidenceText,
            String evidenceCredential,
            String level) {

        /** The form binds to this constructor; a field the browser did not send arrives as null and reads as empty. */
        public Input {
            ownWords = Objects.requireNonNullElse(ownWords, "");
            competency = Objects.requireNonNullElse(competency, "");
            evidenceUrl = Objects.requireNonNullElse(evidenceUrl, "");
            evidenceText = Objects.requireNonNullElse(evidenceText, "");
            evidenceCredential = Objects.requireNonNullElse(evidenceCredential, "");
            level = Objects.requireNonNullElse(level, "");
        }

        public Input(
                String ownWords,
                String competency,
                String evidenceUrl,
                String evidenceText,
                String evidenceCredential) {
            this(ownWords, competency, evidenceUrl, evidenceText, evidenceCredential, "");
        }

        public Input(String ownWords, String competency, String evidenceUrl, String evidenceText) {
            this(ownWords, competency, evidenceUrl, evidenceText, "");
        }
    }

    public List<SelfAssertedSkill> list(AccountId owner) {
        return store.skills(owner);
    }

    public SelfAssertedSkill get(AccountId owner, SelfAssertedSkillId id) {
        return store.skill(owner, id.value()).orElseThrow(() -> PlatformException.notFound("The skill"));
    }

    @Transactional
    public UUID add(AccountId owner, Input input) {
        ProfileStore.SkillFields fields = fields(owner, input);
        if (store.countSkills(owner) >= ProfileStore.MAX_ROWS) {
            throw PlatformException.invalid(
                    "ownWords", "A profile holds at most " + ProfileStore.MAX_ROWS + " skills of your own.");
        }
        UUID id = store.insertSkill(owner, fields, clock.instant());
        events.publishEvent(new LearnerEvidenceChanged(owner)); // the talent index follows, same transaction
        return id;
    }

    @Transactional
    public void update(AccountId owner, SelfAssertedSkillId id, Input input) {
        ProfileStore.SkillFields fields = fields(owner, input);
        if (!store.updateSkill(owner, id.value(), fields, clock.instant())) {
            throw PlatformException.notFound("The skill");
        }
        events.publishEvent(new LearnerEvidenceChanged(owner));
    }

    @Transactional
    public void delete(AccountId owner, SelfAssertedSkillId id) {
        if (!store.deleteSkill(owner, id.value())) {
            throw PlatformException.notFound("The skill");
        }
        events.publishEvent(new LearnerEvidenceChanged(owner));
    }

    private ProfileStore.SkillFields fields(AccountId owner, Input input) {
        String words = input.ownWords().strip();
        if (words.isEmpty()) {
            throw PlatformException.invalid("ownWords", "Say the skill in your own words.");
        }
        if (words.length() > MAX_WORDS) {
            throw PlatformException.invalid("ownWords", "At most " + MAX_WORDS + " characters.");
        }
        URI competencyUri = null;
        String label = null;
        if (!input.competency().isBlank()) {
            Competency competency = competencies
                    .byUri(uri(input.competency(), "competency", false))
                    .orElseThrow(() -> PlatformException.invalid(
                            "competency", "Choose one of the suggested skills, or keep your own words."));
            competencyUri = competency.uri();
            label = competency.label();
        }
        URI evidenceUrl = input.evidenceUrl().isBlank() ? null : uri(input.evidenceUrl(), "evidenceUrl", true);
        String evidenceText = input.evidenceText().strip();
        if (evidenceText.length() > MAX_EVIDENCE_TEXT) {
            throw PlatformException.invalid("evidenceText", "At most " + MAX_EVIDENCE_TEXT + " characters.");
        }
        UUID credential = null;
        if (!input.evidenceCredential().isBlank()) {
            credential = wallet.find(owner, new HeldCredentialId(uuid(input.evidenceCredential())))
                    .map(HeldCredential::id)
                    .orElseThrow(
                            () -> PlatformException.invalid("evidenceCredential", "Choose one of your credentials."));
        }
        Integer level = null;
        if (!input.level().isBlank()) {
            try {
                level = Integer.valueOf(input.level().strip());
            } catch (NumberFormatException e) {
                level = 0;
            }
            if (level < 1 || level > 5) {
                throw PlatformException.invalid("level", "A level from 1 (novice) to 5 (expert), or none.");
            }
        }
        return new ProfileStore.SkillFields(
                words,
                competencyUri,
                label,
                evidenceUrl,
                evidenceText.isEmpty() ? null : evidenceText,
                credential,
                level);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("evidenceCredential", "Choose one of your credentials.");
        }
    }

    /** An absolute URI; for evidence, a web link (http or https) a reader can follow. */
    static URI uri(String text, String field, boolean webLink) {
        String value = text.strip();
        @Nullable URI uri = null;
        if (value.length() <= MAX_URL) {
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                uri = null;
            }
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean ok = uri != null
                && uri.isAbsolute()
                && (!webLink || (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null);
        if (!ok) {
            throw PlatformException.invalid(
                    field, webLink ? "A web address starting with https:// (or http://)." : "Not a known skill.");
        }
        return uri;
    }
}
