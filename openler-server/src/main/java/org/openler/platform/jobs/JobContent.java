package org.openler.platform.jobs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an employer writes about a job, validated: the title, the O*NET-SOC occupation (and its ESCO counterpart),
 * the requirements, credentials, experience and education, where, pay and remote work. {@link JobInput} builds it
 * from a request and says what is wrong field by field.
 */
public record JobContent(
        String title,
        String onetCode,
        Optional<String> escoUri,
        String summary,
        List<JobRequirement> requirements,
        List<JobCredential> credentials,
        int experienceMonths,
        Education education,
        String location,
        Remote remote,
        Optional<Pay> pay) {

    public JobContent {
        requirements = List.copyOf(requirements);
        credentials = List.copyOf(credentials);
    }

    public JobContent withRequirements(List<JobRequirement> list) {
        return new JobContent(
                title,
                onetCode,
                escoUri,
                summary,
                list,
                credentials,
                experienceMonths,
                education,
                location,
                remote,
                pay);
    }

    public JobContent withCredentials(List<JobCredential> list) {
        return new JobContent(
                title,
                onetCode,
                escoUri,
                summary,
                requirements,
                list,
                experienceMonths,
                education,
                location,
                remote,
                pay);
    }

    /** Where the work is done. */
    public enum Remote {
        ONSITE,
        HYBRID,
        REMOTE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The least education asked for, in the order of the ladder (schema.org's credential categories after it). */
    public enum Education {
        NONE("none", ""),
        HIGH_SCHOOL("high-school", "high school"),
        POSTSECONDARY_CERTIFICATE("postsecondary-certificate", "professional certificate"),
        ASSOCIATE("associate", "associate degree"),
        BACHELOR("bachelor", "bachelor degree"),
        MASTER("master", "postgraduate degree"),
        DOCTORATE("doctorate", "postgraduate degree");

        private final String code;
        private final String schemaOrg;

        Education(String code, String schemaOrg) {
            this.code = code;
            this.schemaOrg = schemaOrg;
        }

        public String code() {
            return code;
        }

        /** schema.org's {@code credentialCategory} for it (empty for none). */
        public String schemaOrg() {
            return schemaOrg;
        }

        public static Optional<Education> of(String code) {
            for (Education e : values()) {
                if (e.code.equals(code)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }

    /** A pay range per hour or per year in a currency (ISO 4217). */
    public record Pay(BigDecimal min, BigDecimal max, String currency, Unit unit) {
        public enum Unit {
            HOUR,
            YEAR;

            public String code() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }
}
