package org.openler.platform.jobs;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.openler.platform.jobs.JobContent.Pay;
import org.openler.platform.skills.SkillLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A plain-language description of a job, in short sentences a jobseeker reads aloud: who hires, for what, where, for
 * what pay, what is required and what helps. Written from the job's fields with the {@code jobs.description.*}
 * messages, so English and Spanish say the same thing.
 */
@Component
class JobDescriptions {

    private static final int SKILLS_NAMED = 8;

    private final MessageSource messages;
    private final SkillLabels labels;

    JobDescriptions(MessageSource messages, SkillLabels labels) {
        this.messages = messages;
        this.labels = labels;
    }

    String describe(Job job, Locale locale) {
        JobContent c = job.content();
        List<String> sentences = new ArrayList<>();
        sentences.add(m(
                "jobs.description.hiring",
                locale,
                job.organizationName(),
                c.title(),
                labels.occupation(c.onetCode(), job.onetTitle(), locale)));
        String where = c.location().isBlank() ? m("jobs.description.nowhere", locale) : c.location();
        sentences.add(m("jobs.description.remote." + c.remote().code(), locale, where));
        c.pay()
                .ifPresent(
                        p -> sentences.add(m("jobs.description.pay." + p.unit().code(), locale, money(p, locale))));
        List<String> required = c.requirements().stream()
                .filter(JobRequirement::required)
                .limit(SKILLS_NAMED)
                .map(r -> labels.label(r.skill(), r.label(), locale))
                .toList();
        List<String> preferred = c.requirements().stream()
                .filter(r -> !r.required())
                .limit(SKILLS_NAMED)
                .map(r -> labels.label(r.skill(), r.label(), locale))
                .toList();
        if (!required.isEmpty()) {
            sentences.add(m("jobs.description.required", locale, list(required, locale)));
        }
        if (!preferred.isEmpty()) {
            sentences.add(m("jobs.description.preferred", locale, list(preferred, locale)));
        }
        if (c.experienceMonths() > 0) {
            int years = c.experienceMonths() / 12;
            sentences.add(
                    years >= 1 && c.experienceMonths() % 12 == 0
                            ? m("jobs.description.experience.years", locale, years)
                            : m("jobs.description.experience.months", locale, c.experienceMonths()));
        }
        if (c.education() != JobContent.Education.NONE) {
            sentences.add(m(
                    "jobs.description.education",
                    locale,
                    m("jobs.education." + c.education().code(), locale)));
        }
        List<String> credentials =
                c.credentials().stream().map(JobCredential::name).toList();
        if (!credentials.isEmpty()) {
            sentences.add(m("jobs.description.credentials", locale, list(credentials, locale)));
        }
        if (job.status() == Job.Status.CLOSED) {
            sentences.add(m("jobs.description.closed", locale));
        }
        return String.join(" ", sentences);
    }

    private String money(Pay pay, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(
                locale.getLanguage().equals("es") ? Locale.forLanguageTag("es-US") : Locale.US);
        format.setCurrency(Currency.getInstance(pay.currency()));
        return format.format(pay.min()) + " – " + format.format(pay.max());
    }

    private String list(List<String> items, Locale locale) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        String and = m("jobs.description.and", locale);
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + and + " " + items.getLast();
    }

    private String m(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
