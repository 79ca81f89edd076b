package org.openler.platform.registry;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a person needs to know to choose a credential: the fields a provider edits, read from and written to CTDL
 * JSON-LD by {@link Ctdl}. The provider is not here: it is the organization that owns the registry entry.
 */
public record CredentialOfValue(
        String type,
        String name,
        String description,
        Optional<URI> webpage,
        String requirements,
        Optional<Cost> cost,
        Optional<EstimatedDuration> duration,
        Set<DeliveryMode> delivery,
        List<Place> places,
        List<Alignment> teaches,
        List<Alignment> requires,
        List<Alignment> occupations,
        Optional<Credit> credit,
        List<String> keywords) {

    /**
     * The CTDL credential classes (the local names after {@code ceterms:}) that the registry's credential schema
     * accepts; the abstract {@code ceterms:Credential} is not among them.
     */
    public static final Set<String> TYPES = Set.of(
            "ApprenticeshipCertificate",
            "AssociateDegree",
            "BachelorDegree",
            "Badge",
            "Certificate",
            "CertificateOfCompletion",
            "Certification",
            "Degree",
            "DigitalBadge",
            "Diploma",
            "DoctoralDegree",
            "GeneralEducationDevelopment",
            "JourneymanCertificate",
            "License",
            "MasterCertificate",
            "MasterDegree",
            "MicroCredential",
            "OpenBadge",
            "ProfessionalDoctorate",
            "QualityAssuranceCredential",
            "ResearchDoctorate",
            "SecondarySchoolDiploma");

    public CredentialOfValue {
        delivery = Set.copyOf(delivery);
        places = List.copyOf(places);
        teaches = List.copyOf(teaches);
        requires = List.copyOf(requires);
        occupations = List.copyOf(occupations);
        keywords = List.copyOf(keywords);
    }

    /** A competency or occupation by its URI, with the label people read. */
    public record Alignment(URI uri, String label) {}

    /** An estimated cost: a price in a currency (ISO 4217). */
    public record Cost(BigDecimal price, String currency) {
        public Cost {
            if (price.signum() < 0) {
                throw new IllegalArgumentException("A price is not negative");
            }
            if (!currency.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("A currency is three capital letters (ISO 4217)");
            }
        }
    }

    /** Credit value: an amount in a CTDL credit unit (e.g. DegreeCredit, ContinuingEducationUnit, ClockHour). */
    public record Credit(BigDecimal value, String unit) {
        public Credit {
            if (value.signum() < 0) {
                throw new IllegalArgumentException("Credit is not negative");
            }
            if (!unit.matches("[A-Za-z]{1,60}")) {
                throw new IllegalArgumentException("A credit unit is a CTDL term such as DegreeCredit");
            }
        }
    }

    /** Where it is offered; at least one part is given. */
    public record Place(String locality, String region, String country) {
        public Place {
            if (locality.isBlank() && region.isBlank() && country.isBlank()) {
                throw new IllegalArgumentException("A place names a locality, a region or a country");
            }
        }

        /** "Birmingham, AL, US", leaving out what is not given. */
        public String label() {
            return String.join(
                    ", ",
                    Stream.of(locality, region, country)
                            .filter(s -> !s.isBlank())
                            .toList());
        }
    }

    /** How it is delivered, with its CTDL concept (DeliveryType scheme). */
    public enum DeliveryMode {
        IN_PERSON("deliveryType:InPerson", "In person"),
        ONLINE("deliveryType:OnlineOnly", "Online only"),
        BLENDED("deliveryType:BlendedDelivery", "Blended");

        private final String concept;
        private final String label;

        DeliveryMode(String concept, String label) {
            this.concept = concept;
            this.label = label;
        }

        public String concept() {
            return concept;
        }

        public String label() {
            return label;
        }

        public static Optional<DeliveryMode> ofConcept(String concept) {
            for (DeliveryMode mode : values()) {
                if (mode.concept.equalsIgnoreCase(concept) || mode.name().equalsIgnoreCase(concept)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * An ISO 8601 duration as CTDL writes it ({@code P6M}, {@code P2Y}, {@code PT40H}, {@code P1Y6M}), with its
     * length in hours for range search (a year 8,760 h, a month 730 h, a week 168 h, a day 24 h).
     */
    public record EstimatedDuration(String iso) {

        private static final Pattern SHAPE = Pattern.compile(
                "P(?:(\\d{1,4})Y)?(?:(\\d{1,4})M)?(?:(\\d{1,4})W)?(?:(\\d{1,5})D)?(?:T(?:(\\d{1,6})H)?(?:(\\d{1,6})M)?)?");

        public EstimatedDuration {
            Matcher m = SHAPE.matcher(iso);
            if (!m.matches() || iso.equals("P") || iso.endsWith("T")) {
                throw new IllegalArgumentException("A duration is ISO 8601, e.g. P6M, P2Y or PT40H");
            }
        }

        public long hours() {
            Matcher m = SHAPE.matcher(iso);
            if (!m.matches()) {
                throw new IllegalStateException(iso);
            }
            return part(m, 1) * 8760
                    + part(m, 2) * 730
                    + part(m, 3) * 168
                    + part(m, 4) * 24
                    + part(m, 5)
                    + part(m, 6) / 60;
        }

        private static long part(Matcher m, int group) {
            String value = m.group(group);
            return value == null ? 0 : Long.parseLong(value);
        }
    }
}
