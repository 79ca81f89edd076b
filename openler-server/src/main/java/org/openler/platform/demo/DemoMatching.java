package org.openler.platform.demo;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.Matching;
import org.openler.platform.matching.TargetSkill;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.registry.CredentialOfValue;
import org.openler.platform.registry.CredentialOfValue.DeliveryMode;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.registry.RegistryEntry;
import org.openler.platform.skills.FrameworkImported;
import org.openler.platform.skills.Frameworks;
import org.openler.platform.wallet.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Matching for the demo's four learners, after their stories: Andre (a welder aiming at medical records and coding),
 * Izzy (a data analyst looking at cybersecurity), Marcus (a retail department manager, next assistant manager),
 * Claire (a registered nurse aiming at nurse management). Demo Community College issues each a credential whose
 * alignments are the heaviest skills of their occupation (so their matches are meaningful, not perfect), placed in
 * their wallets, and publishes registry training that closes the typical gaps of those occupations and of the next
 * roles in their stories. The occupations' skills come from the ontology, which loads in the background: this seeds
 * once the crosswalk is stored (at start, or when its import is announced), once (an existing college means it ran
 * before).
 */
@Component
@ConditionalOnProperty(name = "openler.demo.enabled", havingValue = "true")
class DemoMatching {

    private static final Logger log = LoggerFactory.getLogger(DemoMatching.class);
    static final String COLLEGE = "demo-community-college";
    private static final String ONET = "https://www.onetonline.org/link/summary/";

    /** A learner's credential: whose, aligned to which occupation's heaviest skills, covering this share of them. */
    record Story(int learner, String occupation, String title, String achievement, String description, double share) {}

    static final List<Story> STORIES = List.of(
            new Story(
                    0,
                    "29-2072.00",
                    "Medical Records Specialists",
                    "Health Records and Medical Terminology Certificate",
                    "Medical terminology, health records, privacy rules and coding basics, assessed at the one-stop"
                            + " center's prior learning assessment.",
                    0.85),
            new Story(
                    1,
                    "15-2051.00",
                    "Data Scientists",
                    "Data Analytics Certificate",
                    "Statistics, programming and data analysis from the high-school STEM programme and two years as a"
                            + " data analyst at the Department of Health.",
                    0.7),
            new Story(
                    2,
                    "41-1011.00",
                    "First-Line Supervisors of Retail Sales Workers",
                    "Retail Pathways: Department Manager",
                    "The frontline associate programme and the Academy's department manager track.",
                    0.75),
            new Story(
                    3,
                    "29-1141.00",
                    "Registered Nurses",
                    "Registered Nurse (RN) Licensure",
                    "Licensed by the state board of nursing after the NCLEX-RN examination.",
                    0.92));

    /** Training per occupation (a story's own and the next role in it): name, type, hours, price, delivery. */
    record Course(String name, String type, int hours, int price, DeliveryMode delivery) {}

    static final Map<String, List<Course>> TRAINING = Map.of(
            "29-2072.00",
            List.of(
                    new Course(
                            "Medical Coding Bootcamp: ICD-10-CM and CPT",
                            "Certificate",
                            120,
                            1450,
                            DeliveryMode.ONLINE),
                    new Course(
                            "Health Information Technology Certificate",
                            "Certificate",
                            240,
                            2900,
                            DeliveryMode.BLENDED)),
            "15-2051.00",
            List.of(
                    new Course("Applied Statistics for Data Science", "MicroCredential", 60, 650, DeliveryMode.ONLINE),
                    new Course("Machine Learning Foundations", "Certificate", 90, 1200, DeliveryMode.ONLINE)),
            "15-1212.00",
            List.of(
                    new Course(
                            "Cybersecurity Analyst Certificate (NICE-aligned)",
                            "Certificate",
                            160,
                            2400,
                            DeliveryMode.ONLINE),
                    new Course("Network Security Essentials", "Badge", 48, 590, DeliveryMode.ONLINE)),
            "41-1011.00",
            List.of(
                    new Course("Retail Store Operations", "MicroCredential", 40, 350, DeliveryMode.BLENDED),
                    new Course("Frontline Supervisor Certificate", "Certificate", 80, 900, DeliveryMode.IN_PERSON)),
            "29-1141.00",
            List.of(
                    new Course("Clinical Informatics for Nurses", "MicroCredential", 45, 600, DeliveryMode.ONLINE),
                    new Course("Evidence-Based Practice Workshop", "Badge", 16, 180, DeliveryMode.IN_PERSON)),
            "11-9111.00",
            List.of(
                    new Course(
                            "Healthcare Management Micro-credential",
                            "MicroCredential",
                            120,
                            1800,
                            DeliveryMode.ONLINE),
                    new Course("Health Care Finance and Budgeting", "Certificate", 40, 520, DeliveryMode.ONLINE)));

    private final AccountService accounts;
    private final OrganizationService organizations;
    private final Achievements achievements;
    private final Issuance issuance;
    private final Issuers issuers;
    private final Claims claims;
    private final RegistryEntries registry;
    private final Matching matching;
    private final Frameworks frameworks;
    private final DemoArticulation articulation;
    private final DemoShares shares;

    DemoMatching(
            AccountService accounts,
            OrganizationService organizations,
            Achievements achievements,
            Issuance issuance,
            Issuers issuers,
            Claims claims,
            RegistryEntries registry,
            Matching matching,
            Frameworks frameworks,
            DemoArticulation articulation,
            DemoShares shares) {
        this.articulation = articulation;
        this.shares = shares;
        this.accounts = accounts;
        this.organizations = organizations;
        this.achievements = achievements;
        this.issuance = issuance;
        this.issuers = issuers;
        this.claims = claims;
        this.registry = registry;
        this.matching = matching;
        this.frameworks = frameworks;
    }

    private final AtomicBoolean started = new AtomicBoolean();

    /** On a start with the ontology already stored. */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (frameworks.newest("esco-onet-crosswalk").isPresent()) {
            start();
        }
    }

    /** On the first start: once the crosswalk (the last of O*NET, ESCO and the crosswalk) has been imported. */
    @EventListener
    void on(FrameworkImported imported) {
        if (imported.slug().equals("esco-onet-crosswalk")) {
            start();
        }
    }

    private void start() {
        if (organizations.find(COLLEGE).isPresent() || !started.compareAndSet(false, true)) {
            return;
        }
        // a platform thread for long work, as the skills loader (SkillsStartup): never starved of a carrier
        Thread.ofPlatform().name("demo-matching").daemon(true).start(() -> {
            try {
                seed();
            } catch (RuntimeException e) {
                log.warn("Demo matching not seeded: {}", e.getMessage());
            }
        });
    }

    void seed() {
        if (organizations.find(COLLEGE).isPresent()
                || frameworks.newest("esco-onet-crosswalk").isEmpty()) {
            return;
        }
        Account registrar = accounts.findByEmail("registrar@demo.openler.org").orElseThrow();
        Actor.Person admin = new Actor.Person(registrar.id(), AccountKind.STAFF, false);
        Organization college =
                organizations.create("Demo Community College", COLLEGE, Organization.Kind.PROVIDER, admin);
        for (Story story : STORIES) {
            MatchTarget target = matching.occupationTarget(story.occupation());
            List<TargetSkill> held = heaviest(target, story.share());
            AchievementDefinition achievement = achievements.create(
                    college.id(),
                    new Achievements.Draft(
                            story.achievement(),
                            story.description(),
                            "Assessed against the " + story.title() + " skills.",
                            "Certificate",
                            "",
                            held.stream()
                                    .map(s -> new AchievementDefinition.Alignment(
                                            s.skillUri(),
                                            s.label(),
                                            Optional.of("ceasn:Competency"),
                                            Optional.empty(),
                                            Optional.empty()))
                                    .toList()),
                    admin);
            Account learner = accounts.findByEmail(
                            DemoData.LEARNERS.get(story.learner()).email())
                    .orElseThrow();
            Issuance.Issued issued = issuance.issue(
                    issuers.of(college),
                    new Issuance.Request(
                            achievement.id(),
                            new Issuance.To.Email(learner.email().value()),
                            Optional.empty(),
                            Optional.of("demo-matching-" + story.learner())),
                    admin);
            claims.placeForDemo(learner.id(), issued.id());
        }
        int published = 0;
        for (var entry : TRAINING.entrySet()) {
            MatchTarget target = matching.occupationTarget(entry.getKey());
            Optional<Story> story = STORIES.stream()
                    .filter(s -> s.occupation().equals(entry.getKey()))
                    .findFirst();
            // what the story's learner lacks; for a next role, its whole list (the heaviest first)
            List<TargetSkill> gaps = new ArrayList<>(target.requirements());
            story.ifPresent(s -> gaps.removeAll(heaviest(target, s.share())));
            gaps.removeIf(s -> !s.skillUri().getScheme().startsWith("http"));
            gaps.sort(Comparator.comparingDouble(TargetSkill::weight).reversed());
            List<Course> courses = entry.getValue();
            for (int c = 0; c < courses.size(); c++) {
                List<TargetSkill> teaches = new ArrayList<>();
                for (int i = c; i < gaps.size() && teaches.size() < 8; i += courses.size()) {
                    teaches.add(gaps.get(i));
                }
                if (teaches.isEmpty()) {
                    continue;
                }
                Course course = courses.get(c);
                CredentialOfValue credential = new CredentialOfValue(
                        course.type(),
                        course.name(),
                        "Prepares for work as " + title(entry.getKey()) + ": "
                                + String.join(
                                        ", ",
                                        teaches.stream().map(TargetSkill::label).toList())
                                + ".",
                        Optional.empty(),
                        "Complete every module and pass the final assessment.",
                        Optional.of(new CredentialOfValue.Cost(BigDecimal.valueOf(course.price()), "USD")),
                        Optional.of(new CredentialOfValue.EstimatedDuration("PT" + course.hours() + "H")),
                        Set.of(course.delivery()),
                        List.of(new CredentialOfValue.Place("Birmingham", "AL", "US")),
                        teaches.stream()
                                .map(s -> new CredentialOfValue.Alignment(s.skillUri(), s.label()))
                                .toList(),
                        List.of(),
                        List.of(new CredentialOfValue.Alignment(
                                URI.create(ONET + entry.getKey()), title(entry.getKey()))),
                        Optional.empty(),
                        List.of("training", "upskilling"));
                try {
                    RegistryEntry draft = registry.createDraft(college.id(), college.slug(), credential, admin);
                    registry.publish(college.id(), draft.ctid(), admin);
                    published++;
                } catch (RuntimeException e) {
                    log.warn("Demo training entry {} not published: {}", course.name(), e.getMessage());
                }
            }
        }
        log.info(
                "Demo matching ready: {} credentials placed, {} training entries published", STORIES.size(), published);
        // Marcus's share with his employer now holds his retail credential (his story), not the stand-in of the start
        organizations
                .find("demo-employer")
                .ifPresent(employer -> accounts.findByEmail(
                                DemoData.LEARNERS.get(2).email())
                        .ifPresent(marcus -> shares.place(marcus, employer)));
        articulation.seed();
    }

    /** The heaviest skills of the target that together carry at least {@code share} of its weight. */
    static List<TargetSkill> heaviest(MatchTarget target, double share) {
        List<TargetSkill> sorted = new ArrayList<>(target.requirements());
        sorted.sort(Comparator.comparingDouble(TargetSkill::weight).reversed());
        List<TargetSkill> held = new ArrayList<>();
        double sum = 0;
        for (TargetSkill s : sorted) {
            if (sum >= share * target.totalWeight()) {
                break;
            }
            held.add(s);
            sum += s.weight();
        }
        return held;
    }

    private static String title(String code) {
        return switch (code) {
            case "29-2072.00" -> "a medical records specialist";
            case "15-2051.00" -> "a data scientist";
            case "15-1212.00" -> "an information security analyst";
            case "41-1011.00" -> "a first-line supervisor of retail sales workers";
            case "29-1141.00" -> "a registered nurse";
            case "11-9111.00" -> "a medical and health services manager";
            default -> code;
        };
    }
}
