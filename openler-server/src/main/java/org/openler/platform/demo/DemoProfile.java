package org.openler.platform.demo;

import org.openler.platform.accounts.AccountService;
import org.openler.platform.profile.Experiences;
import org.openler.platform.profile.SelfAssertedSkills;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A skills profile for the demo's first learner (Andre, who holds the welding credential): two skills in his own
 * words, one with a link and one with a narrative as evidence, and one experience for the resume. Seeded after the
 * demo data (once the application is ready), and only into an empty profile, so re-runs and his own edits stay.
 */
@Component
@ConditionalOnProperty(name = "openler.demo.enabled", havingValue = "true")
class DemoProfile {

    private static final Logger log = LoggerFactory.getLogger(DemoProfile.class);

    private final AccountService accounts;
    private final SelfAssertedSkills skills;
    private final Experiences experiences;

    DemoProfile(AccountService accounts, SelfAssertedSkills skills, Experiences experiences) {
        this.accounts = accounts;
        this.skills = skills;
        this.experiences = experiences;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        accounts.findByEmail(DemoData.LEARNERS.get(0).email()).ifPresent(andre -> {
            if (!skills.list(andre.id()).isEmpty()
                    || !experiences.list(andre.id()).isEmpty()) {
                return;
            }
            skills.add(
                    andre.id(),
                    new SelfAssertedSkills.Input(
                            "Reading welding blueprints and symbols",
                            "",
                            "",
                            "Read the drawings for every frame I built in the workshop course."));
            skills.add(
                    andre.id(),
                    new SelfAssertedSkills.Input(
                            "Leading a small workshop crew", "", "https://example.org/andre/crew-project", ""));
            experiences.add(
                    andre.id(),
                    new Experiences.Input(
                            "work",
                            "Welding apprentice",
                            "Jackson Metalworks",
                            "2023-09-01",
                            "",
                            "Fabricated and repaired steel trailer frames; MIG and TIG welding under supervision."));
            log.info("Demo skills profile ready for the first demo learner");
        });
    }
}
