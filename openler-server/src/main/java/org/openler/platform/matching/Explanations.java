package org.openler.platform.matching;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openler.platform.skills.SkillLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Each requirement's part of the score in plain words, in the reader's language: how many points it earns of how
 * many it could, and what earns them, naming the credential (its name and issuer), the endorser, or the learner's own
 * statement (always called self-asserted), and the neighbouring skill when only a neighbour reaches it (named as
 * {@link SkillLabels} names it in that language).
 */
@Component
class Explanations {

    private final MessageSource messages;
    private final SkillLabels labels;

    Explanations(MessageSource messages, SkillLabels labels) {
        this.messages = messages;
        this.labels = labels;
    }

    List<String> of(MatchEngine.RequirementMatch r, double totalWeight, Locale locale) {
        List<String> lines = new ArrayList<>();
        double possible = totalWeight <= 0 ? 0 : 100 * r.skill().weight() / totalWeight;
        lines.add(text("matching.why.points", locale, number(r.points(), locale), number(possible, locale)));
        if (r.basis().isEmpty()) {
            lines.add(text("matching.why.missing", locale));
            return lines;
        }
        LearnerRecord.Reach reach = r.basis().get();
        Evidence evidence = reach.evidence();
        String label = labels.label(evidence.skill(), evidence.label(), locale);
        if (reach.relation() == Relation.WORK_ACTIVITY) {
            // the requirement is a work activity, O*NET's own English words, reached through a skill it draws on
            lines.add(text(
                    "matching.why.activity",
                    locale,
                    r.skill().label(),
                    label,
                    number(100 * reach.relation().credit(), locale)));
        } else if (!reach.relation().meets()) {
            lines.add(text(
                    "matching.why.via",
                    locale,
                    label,
                    text("matching.relation." + reach.relation().name(), locale),
                    number(100 * reach.relation().credit(), locale)));
        }
        for (Evidence.Source source : evidence.sources()) {
            lines.add(
                    switch (source) {
                        case Evidence.Source.Verified v ->
                            text("matching.why.verified", locale, v.credentialName(), v.issuer(), label);
                        case Evidence.Source.Endorsed e -> text("matching.why.endorsed", locale, e.endorser());
                        case Evidence.Source.SelfAsserted s -> text("matching.why.selfAsserted", locale, s.ownWords());
                    });
        }
        int asked = r.skill().level();
        if (asked > 0) {
            // levels in plain words: which source's level counts, and what it earns
            String source = switch (reach.source()) {
                case Evidence.Source.Verified v -> text("matching.level.byCredential", locale, v.credentialName());
                case Evidence.Source.Endorsed e -> text("matching.level.byEndorser", locale, e.endorser());
                case Evidence.Source.SelfAsserted s -> text("matching.level.bySelf", locale);
            };
            if (reach.level() <= 0) {
                lines.add(text("matching.why.levelUnstated", locale, asked));
            } else if (r.levelFactor() < 1) {
                lines.add(text(
                        "matching.why.levelBelow",
                        locale,
                        reach.level(),
                        source,
                        asked,
                        number(100 * r.levelFactor(), locale)));
            } else {
                lines.add(text("matching.why.levelMet", locale, reach.level(), source, asked));
            }
        }
        return lines;
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String number(double value, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(0);
        return f.format(value);
    }
}
