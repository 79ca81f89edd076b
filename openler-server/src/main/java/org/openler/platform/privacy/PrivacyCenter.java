package org.openler.platform.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openler.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

/** Collects every feature's {@link PersonalData}: what is held, who accessed it, the consents given. */
@Service
class PrivacyCenter {

    /** How many accesses and consents the page lists at most: the newest. */
    static final int MAX_LISTED = 200;

    private final List<PersonalData> sections;

    PrivacyCenter(List<PersonalData> sections) {
        // Restore order, then key: a stable order for the page and the bundle alike.
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(PersonalData::restoreOrder).thenComparing(PersonalData::section))
                .toList();
    }

    List<PersonalData> sections() {
        return sections;
    }

    /** One section's lines of "what OpenLER holds about me". */
    record Held(String section, List<HeldItem> items) {}

    List<Held> held(AccountId owner) {
        return sections.stream()
                .map(s -> new Held(s.section(), s.summary(owner)))
                .filter(h -> !h.items().isEmpty())
                .toList();
    }

    /** An access with the section it came through. */
    record SectionAccess(String section, Access access) {}

    List<SectionAccess> accesses(AccountId owner) {
        List<SectionAccess> all = new ArrayList<>();
        for (PersonalData section : sections) {
            section.accesses(owner).forEach(a -> all.add(new SectionAccess(section.section(), a)));
        }
        all.sort(Comparator.comparing((SectionAccess a) -> a.access().at()).reversed());
        return all.size() > MAX_LISTED ? all.subList(0, MAX_LISTED) : all;
    }

    /** A consent with the section it was given through. */
    record SectionConsent(String section, Consent consent) {}

    List<SectionConsent> consents(AccountId owner) {
        List<SectionConsent> all = new ArrayList<>();
        for (PersonalData section : sections) {
            section.consents(owner).forEach(c -> all.add(new SectionConsent(section.section(), c)));
        }
        all.sort(Comparator.comparing((SectionConsent c) -> c.consent().givenAt())
                .reversed());
        return all.size() > MAX_LISTED ? all.subList(0, MAX_LISTED) : all;
    }
}
