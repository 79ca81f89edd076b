package org.openler.platform.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.jobs.CompetencyDna;
import org.openler.platform.jobs.JobContent;
import org.openler.platform.jobs.JobContent.Education;
import org.openler.platform.jobs.JobContent.Remote;
import org.openler.platform.jobs.JobDrafts;
import org.openler.platform.jobs.JobFilter;
import org.openler.platform.jobs.JobRequirement;
import org.openler.platform.jobs.Jobs;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.skills.FrameworkImported;
import org.openler.platform.skills.Frameworks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Twenty open jobs at Demo Employer, each built from a real O*NET-SOC occupation by the same competency DNA an
 * employer starts from (its twelve heaviest proposed skills and every detailed work activity it proposes), in the
 * learners' stories: Andre's medical coding, Izzy's cybersecurity, Marcus's retail management, Claire's nursing, and
 * the trades and health roles around them. The proposals need O*NET, ESCO and the crosswalk, which the demo loads in
 * the background: this runs when the last of them is imported (or at start when they are already stored), once, while
 * Demo Employer has no jobs.
 */
@Component
@ConditionalOnProperty(name = "openler.demo.enabled", havingValue = "true")
class DemoJobs {

    private static final Logger log = LoggerFactory.getLogger(DemoJobs.class);
    private static final int SKILLS = 12;

    private final OrganizationService organizations;
    private final Frameworks frameworks;
    private final JobDrafts drafts;
    private final Jobs jobs;
    private final AccountService accounts;
    private final DemoShares shares;

    DemoJobs(
            OrganizationService organizations,
            Frameworks frameworks,
            JobDrafts drafts,
            Jobs jobs,
            AccountService accounts,
            DemoShares shares) {
        this.organizations = organizations;
        this.frameworks = frameworks;
        this.drafts = drafts;
        this.jobs = jobs;
        this.accounts = accounts;
        this.shares = shares;
    }

    private record Posting(
            String title,
            String onet,
            String location,
            Remote remote,
            int payMin,
            int payMax,
            boolean yearly,
            int experienceMonths,
            Education education,
            String summary) {}

    static final List<Posting> POSTINGS = List.of(
            new Posting(
                    "CNC Machinist – Second Shift",
                    "51-4041.00",
                    "Birmingham, AL",
                    Remote.ONSITE,
                    22,
                    30,
                    false,
                    24,
                    Education.HIGH_SCHOOL,
                    "Set up and run CNC mills and lathes for aerospace brackets; read blueprints and hold tight tolerances."),
            new Posting(
                    "CNC Operator (Entry Level)",
                    "51-9161.00",
                    "Huntsville, AL",
                    Remote.ONSITE,
                    18,
                    23,
                    false,
                    0,
                    Education.HIGH_SCHOOL,
                    "Load, run and inspect parts on CNC machines; we train you on our cells."),
            new Posting(
                    "Registered Nurse – Medical/Surgical",
                    "29-1141.00",
                    "Birmingham, AL",
                    Remote.ONSITE,
                    36,
                    48,
                    false,
                    12,
                    Education.ASSOCIATE,
                    "Care for adult med-surg patients on a 32-bed unit; nights available."),
            new Posting(
                    "Registered Nurse – Night Shift ICU",
                    "29-1141.00",
                    "Mobile, AL",
                    Remote.ONSITE,
                    40,
                    55,
                    false,
                    24,
                    Education.BACHELOR,
                    "Critical care nursing for a 20-bed ICU, three 12-hour nights a week."),
            new Posting(
                    "Family Nurse Practitioner",
                    "29-1171.00",
                    "Montgomery, AL",
                    Remote.HYBRID,
                    105_000,
                    125_000,
                    true,
                    24,
                    Education.MASTER,
                    "Primary care in a community clinic, with telehealth two days a week."),
            new Posting(
                    "Licensed Practical Nurse",
                    "29-2061.00",
                    "Tuscaloosa, AL",
                    Remote.ONSITE,
                    24,
                    30,
                    false,
                    0,
                    Education.POSTSECONDARY_CERTIFICATE,
                    "Long-term care nursing on day shift."),
            new Posting(
                    "Software Developer – Java",
                    "15-1252.00",
                    "Huntsville, AL",
                    Remote.HYBRID,
                    95_000,
                    130_000,
                    true,
                    36,
                    Education.BACHELOR,
                    "Build and maintain the services behind our logistics platform."),
            new Posting(
                    "Junior Web Developer",
                    "15-1254.00",
                    "Birmingham, AL",
                    Remote.REMOTE,
                    60_000,
                    75_000,
                    true,
                    0,
                    Education.POSTSECONDARY_CERTIFICATE,
                    "Front-end work on our customer portal, with mentoring."),
            new Posting(
                    "IT Support Specialist",
                    "15-1232.00",
                    "Birmingham, AL",
                    Remote.ONSITE,
                    20,
                    27,
                    false,
                    6,
                    Education.POSTSECONDARY_CERTIFICATE,
                    "First-line help desk for 600 employees: tickets, laptops, accounts."),
            new Posting(
                    "Cybersecurity Analyst",
                    "15-1212.00",
                    "Huntsville, AL",
                    Remote.REMOTE,
                    85_000,
                    115_000,
                    true,
                    24,
                    Education.BACHELOR,
                    "Monitor, triage and respond to security events in our SOC."),
            // Izzy's story: an employer searching from a job that matches a data analyst finds her, anonymously
            new Posting(
                    "Data Analyst – Workforce Insights",
                    "15-2051.00",
                    "Birmingham, AL",
                    Remote.HYBRID,
                    70_000,
                    90_000,
                    true,
                    12,
                    Education.BACHELOR,
                    "Turn our HR and operations data into analyses and dashboards that managers act on."),
            new Posting(
                    "Network Administrator",
                    "15-1244.00",
                    "Montgomery, AL",
                    Remote.HYBRID,
                    70_000,
                    90_000,
                    true,
                    36,
                    Education.ASSOCIATE,
                    "Keep our plant and office networks up, patched and documented."),
            new Posting(
                    "Combination Welder",
                    "51-4121.00",
                    "Mobile, AL",
                    Remote.ONSITE,
                    23,
                    32,
                    false,
                    12,
                    Education.POSTSECONDARY_CERTIFICATE,
                    "MIG, TIG and stick welding of structural steel for shipbuilding."),
            new Posting(
                    "Medical Assistant",
                    "31-9092.00",
                    "Birmingham, AL",
                    Remote.ONSITE,
                    17,
                    21,
                    false,
                    0,
                    Education.POSTSECONDARY_CERTIFICATE,
                    "Room patients, take vitals and help providers in a busy clinic."),
            new Posting(
                    "Medical Coding Specialist",
                    "29-2072.00",
                    "Birmingham, AL",
                    Remote.HYBRID,
                    21,
                    28,
                    false,
                    6,
                    Education.POSTSECONDARY_CERTIFICATE,
                    "Code outpatient encounters in ICD-10-CM and CPT; training provided."),
            new Posting(
                    "Retail Department Manager",
                    "41-1011.00",
                    "Huntsville, AL",
                    Remote.ONSITE,
                    48_000,
                    60_000,
                    true,
                    12,
                    Education.HIGH_SCHOOL,
                    "Lead a team of twelve associates in electronics and home."),
            new Posting(
                    "Store Operations Manager",
                    "11-1021.00",
                    "Montgomery, AL",
                    Remote.ONSITE,
                    70_000,
                    95_000,
                    true,
                    48,
                    Education.BACHELOR,
                    "Run day-to-day operations of a 150-person store."),
            new Posting(
                    "Industrial Maintenance Technician",
                    "49-9041.00",
                    "Tuscaloosa, AL",
                    Remote.ONSITE,
                    26,
                    36,
                    false,
                    24,
                    Education.POSTSECONDARY_CERTIFICATE,
                    "Troubleshoot and repair automated lines in an auto plant."),
            new Posting(
                    "Electrician – Commercial",
                    "47-2111.00",
                    "Birmingham, AL",
                    Remote.ONSITE,
                    25,
                    35,
                    false,
                    48,
                    Education.HIGH_SCHOOL,
                    "Install and maintain commercial electrical systems to NEC."),
            new Posting(
                    "Pharmacy Technician",
                    "29-2052.00",
                    "Mobile, AL",
                    Remote.ONSITE,
                    16,
                    20,
                    false,
                    0,
                    Education.POSTSECONDARY_CERTIFICATE,
                    "Fill prescriptions and serve patients in a retail pharmacy."),
            new Posting(
                    "Quality Control Inspector",
                    "51-9061.00",
                    "Huntsville, AL",
                    Remote.ONSITE,
                    20,
                    26,
                    false,
                    12,
                    Education.HIGH_SCHOOL,
                    "Inspect machined parts with calipers, micrometers and CMM."));

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        seedQuietly();
    }

    @EventListener
    void imported(FrameworkImported event) {
        seedQuietly();
    }

    /** Listeners run in the importer's thread: a failure here must not look like a failed import. */
    private void seedQuietly() {
        try {
            seed();
        } catch (RuntimeException e) {
            log.warn("Demo jobs could not be seeded; the demo runs without them", e);
        }
    }

    synchronized void seed() {
        if (frameworks.newest("onet").isEmpty()
                || frameworks.newest("esco").isEmpty()
                || frameworks.newest("esco-onet-crosswalk").isEmpty()) {
            return;
        }
        Optional<Organization> employer = organizations.find("demo-employer");
        if (employer.isEmpty()
                || !jobs.list(employer.get().id(), JobFilter.ALL, 1).isEmpty()) {
            return;
        }
        int created = 0;
        for (Posting p : POSTINGS) {
            CompetencyDna.Proposal proposal = drafts.propose(p.onet());
            List<JobRequirement> skills = proposal.requirements().stream()
                    .filter(r -> !r.source().equals("dwa"))
                    .limit(SKILLS)
                    .map(r -> new JobRequirement(r.skill(), r.label(), r.weight(), r.required(), r.level(), r.source()))
                    .toList();
            // and every detailed work activity the proposal has, as an employer who keeps the proposal gets them (the
            // proposal computes them anyway: keeping them costs only their rows)
            List<JobRequirement> activities = proposal.requirements().stream()
                    .filter(r -> r.source().equals("dwa"))
                    .map(r -> new JobRequirement(r.skill(), r.label(), r.weight(), r.required(), r.level(), r.source()))
                    .toList();
            if (skills.isEmpty()) {
                log.warn("Demo jobs: no proposal for {}; skipped", p.onet());
                continue;
            }
            jobs.create(
                    employer.get().id(),
                    new JobContent(
                            p.title(),
                            p.onet(),
                            Optional.empty(),
                            p.summary(),
                            Stream.concat(skills.stream(), activities.stream()).toList(),
                            List.of(),
                            p.experienceMonths(),
                            p.education(),
                            p.location(),
                            p.remote(),
                            Optional.of(new JobContent.Pay(
                                    BigDecimal.valueOf(p.payMin()).setScale(2),
                                    BigDecimal.valueOf(p.payMax()).setScale(2),
                                    "USD",
                                    p.yearly() ? JobContent.Pay.Unit.YEAR : JobContent.Pay.Unit.HOUR))));
            created++;
        }
        log.info("Demo jobs: {} open jobs at demo-employer", created);
        // Marcus's share with Demo Employer is now aimed at its retail job, so the employer sees the fit
        accounts.findByEmail(DemoData.LEARNERS.get(2).email())
                .ifPresent(marcus -> shares.place(marcus, employer.get()));
    }
}
