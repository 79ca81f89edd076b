package org.openler.platform.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.articulation.ArticulationRule;
import org.openler.platform.articulation.ArticulationRules;
import org.openler.platform.articulation.CreditRequests;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.registry.RegistryEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Demo Community College's credit rules: thirty, after real articulation agreements (industry certifications,
 * licenses, NCCER, military occupations), plus credit for the demo learners' own credentials. Andre's welding
 * certificate from Demo University earns WLD 110 automatically, and the demo awards it, so his wallet shows the
 * college's credit credential; his medical terminology certificate earns HIT credit toward the Health Information
 * Technology Certificate (his training plan says it is shorter), for him to ask with one click. Seeds once, after
 * {@link DemoMatching} made the college (or at a later start if it was made before this existed).
 */
@Component
@ConditionalOnProperty(name = "openler.demo.enabled", havingValue = "true")
class DemoArticulation {

    private static final Logger log = LoggerFactory.getLogger(DemoArticulation.class);
    private static final String ONET = "https://www.onetonline.org/link/summary/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrganizationService organizations;
    private final ArticulationRules rules;
    private final CreditRequests requests;
    private final RegistryEntries registry;
    private final AccountService accounts;

    DemoArticulation(
            OrganizationService organizations,
            ArticulationRules rules,
            CreditRequests requests,
            RegistryEntries registry,
            AccountService accounts) {
        this.organizations = organizations;
        this.rules = rules;
        this.requests = requests;
        this.registry = registry;
        this.accounts = accounts;
    }

    /** At a start where the college exists already (seeded by an earlier version). */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        try {
            seed();
        } catch (RuntimeException e) {
            log.warn("Demo articulation not seeded: {}", e.getMessage());
        }
    }

    /** A source, its issuer, the courses (code, title, hours) and how the rule works. */
    record Demo(
            String issuer,
            String name,
            String type,
            boolean automatic,
            String occupation,
            String occupationTitle,
            List<String[]> courses,
            Optional<Integer> maxAgeYears) {}

    private static String[] course(String code, String title, String hours) {
        return new String[] {code, title, hours, ""};
    }

    private static String[] toward(String code, String title, String hours, String ctidOfProgramme) {
        return new String[] {code, title, hours, ctidOfProgramme};
    }

    private static Demo rule(
            String issuer,
            String name,
            String type,
            boolean automatic,
            String occupation,
            String title,
            String[]... courses) {
        return new Demo(issuer, name, type, automatic, occupation, title, List.of(courses), Optional.empty());
    }

    synchronized void seed() {
        Optional<Organization> found = organizations.find(DemoMatching.COLLEGE);
        if (found.isEmpty()) {
            return;
        }
        Organization college = found.get();
        // a start stopped halfway through seeding left some rules: the next start records the rest
        java.util.Set<String> recorded = new java.util.HashSet<>();
        rules.list(college.id()).forEach(r -> recorded.add(r.source().name()));
        String hit = ctid(college, "Health Information Technology Certificate");
        String management = ctid(college, "Healthcare Management Micro-credential");
        String cyber = ctid(college, "Cybersecurity Analyst Certificate (NICE-aligned)");
        List<Demo> demos = new ArrayList<>(List.of(
                rule(
                        "CompTIA",
                        "CompTIA A+",
                        "direct",
                        true,
                        "15-1232.00",
                        "Computer User Support Specialists",
                        course("CIS 110", "Introduction to Computer Hardware", "3"),
                        course("CIS 111", "Operating Systems Support", "3")),
                rule(
                        "CompTIA",
                        "CompTIA Network+",
                        "direct",
                        true,
                        "15-1231.00",
                        "Computer Network Support Specialists",
                        course("CIS 120", "Network Fundamentals", "3")),
                rule(
                        "CompTIA",
                        "CompTIA Security+",
                        "direct",
                        true,
                        "15-1212.00",
                        "Information Security Analysts",
                        toward("CIS 130", "Information Security Fundamentals", "3", cyber)),
                rule(
                        "Amazon Web Services",
                        "AWS Certified Cloud Practitioner",
                        "direct",
                        true,
                        "15-1244.00",
                        "Network and Computer Systems Administrators",
                        course("CIS 150", "Cloud Computing Essentials", "3")),
                rule(
                        "Amazon Web Services",
                        "AWS Certified Solutions Architect – Associate",
                        "direct",
                        false,
                        "15-1241.00",
                        "Computer Network Architects",
                        course("CIS 250", "Cloud Architecture", "4")),
                rule(
                        "Microsoft",
                        "Microsoft Certified: Azure Fundamentals",
                        "elective",
                        true,
                        "15-1244.00",
                        "Network and Computer Systems Administrators",
                        course("CIS ELEC", "Computer Information Systems elective", "3")),
                rule(
                        "Cisco",
                        "Cisco Certified Network Associate (CCNA)",
                        "direct",
                        true,
                        "15-1231.00",
                        "Computer Network Support Specialists",
                        course("CIS 121", "Routing and Switching I", "3"),
                        course("CIS 122", "Routing and Switching II", "3")),
                rule(
                        "Google",
                        "Google IT Support Professional Certificate",
                        "elective",
                        true,
                        "15-1232.00",
                        "Computer User Support Specialists",
                        course("CIS ELEC", "Computer Information Systems elective", "3")),
                rule(
                        "Alabama Department of Public Health",
                        "Certified Nursing Assistant (CNA)",
                        "direct",
                        false,
                        "31-1131.00",
                        "Nursing Assistants",
                        course("NUR 100", "Nursing Assistant / Home Health Aide", "3")),
                rule(
                        "National Registry of Emergency Medical Technicians",
                        "National Registry EMT",
                        "direct",
                        false,
                        "29-2042.00",
                        "Emergency Medical Technicians",
                        course("EMS 118", "Emergency Medical Technician", "9")),
                rule(
                        "American Association of Medical Assistants",
                        "Certified Medical Assistant (CMA)",
                        "direct",
                        false,
                        "31-9092.00",
                        "Medical Assistants",
                        course("MAT 101", "Medical Terminology", "3"),
                        course("MAT 102", "Medical Assisting Theory", "3")),
                rule(
                        "American Society for Clinical Pathology",
                        "Phlebotomy Technician (PBT)",
                        "direct",
                        true,
                        "31-9097.00",
                        "Phlebotomists",
                        course("MAT 125", "Laboratory Procedures: Phlebotomy", "3")),
                rule(
                        "Pharmacy Technician Certification Board",
                        "Certified Pharmacy Technician (CPhT)",
                        "direct",
                        true,
                        "29-2052.00",
                        "Pharmacy Technicians",
                        course("PHM 100", "Pharmacy Technician Fundamentals", "3")),
                rule(
                        "NCCER",
                        "NCCER Core Curriculum",
                        "block",
                        true,
                        "47-2061.00",
                        "Construction Laborers",
                        course("CON 100", "Construction Core (block credit)", "3")),
                rule(
                        "NCCER",
                        "NCCER Electrical Level 1",
                        "direct",
                        true,
                        "47-2111.00",
                        "Electricians",
                        course("ELT 108", "DC Fundamentals", "3"),
                        course("ELT 109", "AC Fundamentals", "3")),
                rule(
                        "American Welding Society",
                        "AWS D1.1 Certified Welder",
                        "direct",
                        false,
                        "51-4121.00",
                        "Welders, Cutters, Solderers, and Brazers",
                        course("WLD 115", "SMAW Carbon Plate", "4")),
                rule(
                        "OSHA Training Institute",
                        "OSHA 30-Hour Construction Safety",
                        "elective",
                        true,
                        "47-1011.00",
                        "First-Line Supervisors of Construction Trades",
                        course("OSH ELEC", "Occupational safety elective", "1")),
                rule(
                        "Manufacturing Skill Standards Council",
                        "Certified Production Technician (CPT)",
                        "block",
                        true,
                        "51-1011.00",
                        "First-Line Supervisors of Production Workers",
                        course("INT 101", "DC Fundamentals for Industrial Maintenance", "3"),
                        course("INT 103", "Industrial Safety and Quality", "3")),
                rule(
                        "Manufacturing Skill Standards Council",
                        "Certified Logistics Technician (CLT)",
                        "direct",
                        true,
                        "53-7065.00",
                        "Stockers and Order Fillers",
                        course("LOG 110", "Introduction to Logistics", "3")),
                rule(
                        "Alabama Law Enforcement Agency",
                        "Commercial Driver License, Class A",
                        "block",
                        false,
                        "53-3032.00",
                        "Heavy and Tractor-Trailer Truck Drivers",
                        course("TRK 100", "Commercial Vehicle Operation (block credit)", "6")),
                rule(
                        "National Restaurant Association",
                        "ServSafe Food Protection Manager",
                        "direct",
                        true,
                        "11-9051.00",
                        "Food Service Managers",
                        course("HMT 110", "Food Safety and Sanitation", "3")),
                rule(
                        "Federal Aviation Administration",
                        "FAA Airframe and Powerplant Mechanic Certificate",
                        "block",
                        false,
                        "49-3011.00",
                        "Aircraft Mechanics and Service Technicians",
                        course("AVT 100", "Aviation Maintenance General (block credit)", "12"),
                        course("AVT 200", "Airframe and Powerplant Systems (block credit)", "12")),
                rule(
                        "U.S. Army",
                        "MOS 25B Information Technology Specialist",
                        "direct",
                        false,
                        "15-1232.00",
                        "Computer User Support Specialists",
                        course("CIS 110", "Introduction to Computer Hardware", "3"),
                        course("CIS 120", "Network Fundamentals", "3")),
                rule(
                        "U.S. Army",
                        "MOS 68W Combat Medic Specialist",
                        "direct",
                        false,
                        "29-2042.00",
                        "Emergency Medical Technicians",
                        course("EMS 118", "Emergency Medical Technician", "9"),
                        course("HPE 114", "First Aid and CPR", "1")),
                rule(
                        "U.S. Army",
                        "MOS 91B Wheeled Vehicle Mechanic",
                        "direct",
                        false,
                        "49-3023.00",
                        "Automotive Service Technicians and Mechanics",
                        course("AUT 100", "Introduction to Automotive Service", "3"),
                        course("AUT 101", "Brakes", "3")),
                rule(
                        "U.S. Navy",
                        "Hospital Corpsman (HM) Rating",
                        "direct",
                        false,
                        "29-2042.00",
                        "Emergency Medical Technicians",
                        course("NUR 100", "Nursing Assistant / Home Health Aide", "3"),
                        course("MAT 101", "Medical Terminology", "3")),
                rule(
                        "U.S. Air Force",
                        "AFSC 1D7X1 Cyber Defense Operations",
                        "direct",
                        false,
                        "15-1212.00",
                        "Information Security Analysts",
                        toward("CIS 130", "Information Security Fundamentals", "3", cyber),
                        course("CIS 120", "Network Fundamentals", "3")),
                // the demo learners' own credentials
                rule(
                        "demo-university",
                        "Welding Fundamentals",
                        "direct",
                        true,
                        "51-4121.00",
                        "Welders, Cutters, Solderers, and Brazers",
                        course("WLD 110", "Welding I: Safety and SMAW Basics", "3")),
                rule(
                        "demo-university",
                        "Data Analysis with Python",
                        "direct",
                        true,
                        "15-2051.00",
                        "Data Scientists",
                        course("CIS 160", "Programming with Python", "3")),
                rule(
                        "demo-community-college",
                        "Health Records and Medical Terminology Certificate",
                        "direct",
                        true,
                        "29-2072.00",
                        "Medical Records Specialists",
                        toward("HIT 110", "Medical Terminology for Health Information", "3", hit),
                        toward("HIT 112", "Health Records Management", "3", hit)),
                rule(
                        "demo-community-college",
                        "Registered Nurse (RN) Licensure",
                        "direct",
                        true,
                        "11-9111.00",
                        "Medical and Health Services Managers",
                        toward("HCM 101", "Foundations of Healthcare Management", "3", management))));
        int made = 0;
        for (Demo demo : demos) {
            if (recorded.contains(demo.name())) {
                continue;
            }
            try {
                rules.create(college, draft(demo));
                made++;
            } catch (RuntimeException e) {
                log.warn("Demo rule {} not recorded: {}", demo.name(), e.getMessage());
            }
        }
        awardAndre(college); // asking again answers the first request: idempotent across starts
        if (made > 0) {
            log.info("Demo articulation ready: {} rules recorded at {}", made, college.slug());
        }
    }

    /** Andre's welding certificate earns WLD 110: the demo asks for it, and the automatic rule awards it. */
    private void awardAndre(Organization college) {
        Account andre = accounts.findByEmail(DemoData.LEARNERS.get(0).email()).orElseThrow();
        Optional<ArticulationRule> welding = rules.list(college.id()).stream()
                .filter(r -> r.source().name().equals("Welding Fundamentals"))
                .findFirst();
        if (welding.isPresent()) {
            try {
                requests.request(andre.id(), welding.get().id(), Optional.empty());
            } catch (RuntimeException e) {
                log.warn("Andre's demo credit not awarded: {}", e.getMessage());
            }
        }
    }

    private String ctid(Organization college, String name) {
        return registry.list(college.id()).stream()
                .filter(e -> e.draft().name().equals(name) && e.status() == RegistryEntry.Status.PUBLISHED)
                .map(e -> e.ctid().value())
                .findFirst()
                .orElse("");
    }

    private static ObjectNode draft(Demo demo) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("source")
                .put("kind", "achievement")
                .put("issuer", demo.issuer())
                .put("name", demo.name());
        body.put("type", demo.type());
        body.put("automatic", demo.automatic());
        body.put("status", "published");
        body.put("effectiveFrom", "2026-01-01");
        body.put("effectiveUntil", "2029-12-31");
        body.put("approvedBy", "Articulation Committee, Demo Community College (15 December 2025)");
        ObjectNode conditions = body.putObject("conditions");
        demo.maxAgeYears().ifPresent(y -> conditions.put("maxAgeYears", y));
        var courses = body.putArray("courses");
        for (String[] c : demo.courses()) {
            ObjectNode course = courses.addObject();
            course.put("code", c[0]).put("title", c[1]).put("creditHours", c[2]);
            course.put("creditType", "semester").put("level", "lower-division");
            if (!c[3].isEmpty()) {
                course.put("ctid", c[3]);
            }
        }
        body.putArray("skills").addObject().put("uri", ONET + demo.occupation()).put("label", demo.occupationTitle());
        return body;
    }
}
