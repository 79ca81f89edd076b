package org.openler.platform.jobs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A job as the JSON API shows it (and takes it back on PUT, with {@code version}). */
record JobView(
        String id,
        String organization,
        String title,
        String occupation,
        String occupationTitle,
        @Nullable String escoOccupation,
        @Nullable String escoTitle,
        String summary,
        List<RequirementView> requirements,
        List<JobCredential> credentials,
        int experienceMonths,
        String education,
        String location,
        String remote,
        @Nullable PayView pay,
        String status,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant closedAt,
        int version,
        String url,
        Descriptions description) {

    record RequirementView(String skill, String label, double weight, boolean required, int level, String source) {}

    record PayView(BigDecimal min, BigDecimal max, String currency, String unit) {}

    record Descriptions(String en, String es) {}

    static JobView of(Job job, String url, JobDescriptions descriptions) {
        JobContent c = job.content();
        return new JobView(
                job.id().toString(),
                job.organizationSlug(),
                c.title(),
                c.onetCode(),
                job.onetTitle(),
                c.escoUri().orElse(null),
                job.escoTitle().orElse(null),
                c.summary(),
                c.requirements().stream()
                        .map(r -> new RequirementView(
                                r.skill().toString(), r.label(), r.weight(), r.required(), r.level(), r.source()))
                        .toList(),
                c.credentials(),
                c.experienceMonths(),
                c.education().code(),
                c.location(),
                c.remote().code(),
                c.pay()
                        .map(p -> new PayView(
                                p.min(), p.max(), p.currency(), p.unit().code()))
                        .orElse(null),
                job.status().code(),
                job.createdAt(),
                job.updatedAt(),
                job.closedAt().orElse(null),
                job.version(),
                url,
                new Descriptions(
                        descriptions.describe(job, Locale.ENGLISH),
                        descriptions.describe(job, Locale.forLanguageTag("es"))));
    }
}
