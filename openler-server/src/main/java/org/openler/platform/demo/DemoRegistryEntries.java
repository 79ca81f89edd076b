package org.openler.platform.demo;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Member;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.registry.CredentialOfValue;
import org.openler.platform.registry.CredentialOfValue.Alignment;
import org.openler.platform.registry.CredentialOfValue.DeliveryMode;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.registry.RegistryEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo University's credentials of value in the Credential Registry, published, so the registry's search page shows
 * something real: competencies are ESCO skills and O*NET descriptors, occupations O*NET-SOC codes, by their URIs.
 * Runs once the application is ready, so after {@link DemoData} (an application runner, which makes the university;
 * two runners of the same order run in no fixed order), and only while the university has no registry entries.
 */
@Component
@ConditionalOnProperty(name = "openler.demo.enabled", havingValue = "true")
class DemoRegistryEntries {

    private static final Logger log = LoggerFactory.getLogger(DemoRegistryEntries.class);
    private static final String ESCO = "http://data.europa.eu/esco/skill/";
    private static final String ONET = "https://www.onetonline.org/link/summary/";

    private final OrganizationService organizations;
    private final RegistryEntries entries;

    DemoRegistryEntries(OrganizationService organizations, RegistryEntries entries) {
        this.organizations = organizations;
        this.entries = entries;
    }

    @EventListener(ApplicationReadyEvent.class)
    void publish() {
        Optional<Organization> found = organizations.find("demo-university");
        if (found.isEmpty() || !entries.list(found.get().id()).isEmpty()) {
            return;
        }
        Organization university = found.get();
        Actor.Person admin = organizations.members(university).stream()
                .filter(m -> m.role() == StaffRole.ADMIN)
                .map(Member::accountId)
                .findFirst()
                .map(id -> new Actor.Person(id, AccountKind.STAFF, false))
                .orElseThrow();
        for (CredentialOfValue credential : CATALOGUE) {
            RegistryEntry draft = entries.createDraft(university.id(), university.slug(), credential, admin);
            entries.publish(university.id(), draft.ctid(), admin);
        }
        log.info("Demo registry: {} credentials of value published for demo-university", CATALOGUE.size());
    }

    private static Alignment esco(String id, String label) {
        return new Alignment(URI.create(ESCO + id), label);
    }

    private static Alignment onet(String code, String label) {
        return new Alignment(URI.create(ONET + code), label);
    }

    private static CredentialOfValue credential(
            String type,
            String name,
            String description,
            String requirements,
            int price,
            String duration,
            Set<DeliveryMode> delivery,
            List<Alignment> teaches,
            List<Alignment> occupations,
            Optional<CredentialOfValue.Credit> credit,
            List<String> keywords) {
        return new CredentialOfValue(
                type,
                name,
                description,
                Optional.empty(),
                requirements,
                Optional.of(new CredentialOfValue.Cost(BigDecimal.valueOf(price), "USD")),
                Optional.of(new CredentialOfValue.EstimatedDuration(duration)),
                delivery,
                List.of(new CredentialOfValue.Place("Birmingham", "AL", "US")),
                teaches,
                List.of(),
                occupations,
                credit,
                keywords);
    }

    static final List<CredentialOfValue> CATALOGUE = List.of(
            credential(
                    "Certificate",
                    "Welding Fundamentals Certificate",
                    "Safe, code-compliant MIG and TIG welds on steel and aluminium, reading weld symbols on"
                            + " engineering drawings, and shop safety.",
                    "Pass the practical welding assessment (three test plates) and the safety examination.",
                    2450,
                    "P6M",
                    Set.of(DeliveryMode.IN_PERSON),
                    List.of(
                            esco("60ff3eac-7d4d-4e51-87b8-74c3b5d62498", "perform metal active gas welding"),
                            esco("a51adea8-bf02-488a-a0d8-b0961caca5b0", "perform tungsten inert gas welding"),
                            esco("b07daddc-8625-4360-946e-ad2b0e56ebf6", "read engineering drawings"),
                            esco("dcc96a49-0bac-4a9c-8f8e-a32b4e47e6eb", "apply health and safety standards")),
                    List.of(onet("51-4121.06", "Welders, Cutters, and Welder Fitters")),
                    Optional.of(new CredentialOfValue.Credit(BigDecimal.valueOf(16), "DegreeCredit")),
                    List.of("welding", "manufacturing", "skilled trades")),
            credential(
                    "MicroCredential",
                    "Data Analysis with Python",
                    "Cleans, analyses and visualises data sets with Python, SQL and statistics; four graded"
                            + " projects with real public data.",
                    "Complete four graded projects with a score of at least 80%.",
                    900,
                    "PT120H",
                    Set.of(DeliveryMode.ONLINE),
                    List.of(
                            esco("ccd0a1d9-afda-43d9-b901-96344886e14d", "Python (computer programming)"),
                            esco("598de5b0-5b58-4ea7-8058-a4bc4d18c742", "SQL"),
                            esco("2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f", "perform data analysis"),
                            esco("7ee4c2ea-b349-4bd2-81a3-ec31475d4833", "statistics")),
                    List.of(onet("15-2051.00", "Data Scientists"), onet("15-2041.00", "Statisticians")),
                    Optional.empty(),
                    List.of("data", "analytics", "python")),
            credential(
                    "Certification",
                    "Certified Nursing Assistant",
                    "Basic patient care in hospitals and care homes: vital signs, infection control, first aid,"
                            + " and communication with patients and families.",
                    "Complete 75 hours of instruction including 16 hours of supervised clinical practice, then pass"
                            + " the state competency examination.",
                    1300,
                    "P10W",
                    Set.of(DeliveryMode.BLENDED),
                    List.of(
                            esco("248951cc-3b10-447f-a4b2-0037e6e7a9ab", "assist patients with special needs"),
                            esco("6d13053b-ee35-492c-8976-8178420df398", "infection control"),
                            esco("1d21f6ad-340f-45da-a0a3-4e83867f47a6", "provide first aid"),
                            esco("2806260f-6399-4add-8f11-070141423f9d", "medical terminology")),
                    List.of(onet("31-1131.00", "Nursing Assistants")),
                    Optional.empty(),
                    List.of("healthcare", "nursing", "CNA")),
            credential(
                    "AssociateDegree",
                    "Associate of Applied Science in Software Development",
                    "Two-year degree in programming (Java, JavaScript), databases, debugging and agile teamwork,"
                            + " with a capstone project for a local employer.",
                    "Earn 60 credit hours with a C or better in every core course, including the capstone.",
                    9800,
                    "P2Y",
                    Set.of(DeliveryMode.IN_PERSON, DeliveryMode.ONLINE),
                    List.of(
                            esco("19a8293b-8e95-4de3-983f-77484079c389", "Java (computer programming)"),
                            esco("3cd569a2-4f88-4c1e-9995-8dce8c5e51a7", "JavaScript"),
                            esco("2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1", "debug software"),
                            esco("4463a721-69f3-413d-8321-43e3af13a4f1", "use databases"),
                            esco("0a9acb6b-1139-4be9-b431-3a80a959f2f4", "Agile project management")),
                    List.of(onet("15-1252.00", "Software Developers")),
                    Optional.of(new CredentialOfValue.Credit(BigDecimal.valueOf(60), "DegreeCredit")),
                    List.of("software", "programming", "computer science")),
            credential(
                    "Badge",
                    "Cyber Security Essentials Badge",
                    "Foundations of cyber security: threats, safe configuration, cloud technologies and incident"
                            + " basics, for any role that touches company systems.",
                    "Pass the online assessment (70% or more).",
                    0,
                    "PT20H",
                    Set.of(DeliveryMode.ONLINE),
                    List.of(
                            esco("8088750d-8388-4170-a76f-48354c469c44", "cyber security"),
                            esco("bd14968e-e409-45af-b362-3495ed7b10e0", "cloud technologies")),
                    List.of(onet("15-1212.00", "Information Security Analysts")),
                    Optional.empty(),
                    List.of("security", "IT")),
            credential(
                    "Certificate",
                    "HVAC Technician Certificate",
                    "Installs, maintains and repairs heating, ventilation and air-conditioning systems; reads"
                            + " electrical diagrams and tests equipment safely.",
                    "Pass the practical assessment on a working system and the EPA 608 preparation exam.",
                    3900,
                    "P9M",
                    Set.of(DeliveryMode.IN_PERSON),
                    List.of(
                            esco("9ec3d3ec-14b4-4def-906d-41823355df0a", "maintain air conditioning systems"),
                            esco("fe96f581-4905-4282-819c-922c68bda989", "interpret electrical diagrams"),
                            esco("3f6dc31c-ceef-4e93-9d8a-b4b862cf9b51", "test electrical equipment")),
                    List.of(onet(
                            "49-9021.00", "Heating, Air Conditioning, and Refrigeration Mechanics and Installers")),
                    Optional.of(new CredentialOfValue.Credit(BigDecimal.valueOf(24), "DegreeCredit")),
                    List.of("HVAC", "skilled trades")),
            credential(
                    "CertificateOfCompletion",
                    "Bookkeeping and Spreadsheets",
                    "Bookkeeping rules, financial statements and spreadsheet software for small businesses.",
                    "Attend at least 90% of the sessions and complete the final bookkeeping case.",
                    650,
                    "P8W",
                    Set.of(DeliveryMode.BLENDED),
                    List.of(
                            esco("2ff405ec-f59c-4a7b-84b6-9776a49582c4", "bookkeeping regulations"),
                            esco("60f51172-37c0-4933-a27a-cbf55dcd7580", "prepare financial statements"),
                            esco("1973c966-f236-40c9-b2d4-5d71a89019be", "use spreadsheets software")),
                    List.of(onet("43-3031.00", "Bookkeeping, Accounting, and Auditing Clerks")),
                    Optional.empty(),
                    List.of("accounting", "finance", "office")),
            credential(
                    "ApprenticeshipCertificate",
                    "Registered Apprenticeship: Electronics Assembler",
                    "Paid, on-the-job apprenticeship in electronics assembly: soldering, reading diagrams,"
                            + " forklift safety and teamwork on a production line.",
                    "Complete 2,000 hours of on-the-job learning and 144 hours of related instruction.",
                    0,
                    "P1Y",
                    Set.of(DeliveryMode.IN_PERSON),
                    List.of(
                            esco("26ed52cf-30ca-451e-9699-a6c04a30649f", "solder electronics"),
                            esco("28cb374e-6261-4133-8371-f9a5470145da", "operate forklift"),
                            esco("a5b0cd5c-e13a-4ab3-8d93-4d242adcfb01", "teamwork principles")),
                    List.of(onet("51-2028.00", "Electrical, Electronic, and Electromechanical Assemblers")),
                    Optional.empty(),
                    List.of("apprenticeship", "manufacturing", "earn and learn")));
}
