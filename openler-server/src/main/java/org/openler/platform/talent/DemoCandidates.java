package org.openler.platform.talent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.matching.JobTarget;
import org.openler.platform.matching.JobTargets;
import org.openler.platform.matching.TargetSkill;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.profile.SelfAssertedSkills;
import org.openler.platform.skills.FrameworkImported;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.Wallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: people an employer's talent search can find. Izzy (the story's data analyst) opts in anonymously
 * with every credential in her wallet, once Demo Community College has placed her analytics certificate there; and
 * {@code openler.demo.talent-candidates} synthetic learners (1,000 by default) opt in with self-asserted skills drawn
 * from the skill requirements of the demo employer's open jobs (each holds most of one job's skills, the heavier ones
 * more often, and a few of another's), so a search from any demo job finds far more than five. Marcus is linked to
 * Demo Employer as its employee with internal discovery, so its internal search finds him by name. Each candidate is
 * created once (by e-mail), so an interrupted seeding resumes on the next start. It waits, in the background, for the
 * demo jobs and Izzy's credential, which wait for the ontology.
 */
@Component
@ConditionalOnProperty(name = "openler.demo.enabled", havingValue = "true")
class DemoCandidates {

    private static final Logger log = LoggerFactory.getLogger(DemoCandidates.class);
    static final String IZZY = "izzy@demo.openler.org";
    static final String MARCUS = "marcus@demo.openler.org";
    static final String EMPLOYER = "demo-employer";
    static final String COLLEGE = "demo-community-college";
    private static final String PASSWORD = "demo-password-1";

    private static final List<String> FIRST = List.of(
            "Alex", "Jordan", "Maria", "Luis", "Aisha", "Chen", "Fatima", "Diego", "Grace", "Hiro", "Imani", "Jamal",
            "Keisha", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor",
            "Wen", "Ximena", "Yusuf", "Zoe");
    private static final List<String> LAST = List.of(
            "Adams",
            "Baker",
            "Castillo",
            "Davis",
            "Evans",
            "Flores",
            "Garcia",
            "Harris",
            "Ito",
            "Johnson",
            "Kim",
            "Lopez",
            "Martin",
            "Nguyen",
            "Okafor",
            "Patel",
            "Quintero",
            "Reyes",
            "Smith",
            "Thomas",
            "Underwood",
            "Vargas",
            "Washington",
            "Xu",
            "Young",
            "Zhang");

    private static final List<String> NEIGHBOURS = List.of("US-GA", "US-TN", "US-MS", "US-FL");

    private final AccountService accounts;
    private final OrganizationService organizations;
    private final List<JobTargets> jobs;
    private final SelfAssertedSkills skills;
    private final TalentDiscovery discovery;
    private final Wallet wallet;
    private final Employees employees;
    private final int count;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean stopping;

    DemoCandidates(
            AccountService accounts,
            OrganizationService organizations,
            List<JobTargets> jobs,
            SelfAssertedSkills skills,
            TalentDiscovery discovery,
            Wallet wallet,
            Employees employees,
            @Value("${openler.demo.talent-candidates:1000}") int count) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.jobs = jobs;
        this.skills = skills;
        this.discovery = discovery;
        this.wallet = wallet;
        this.employees = employees;
        this.count = count;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        start();
    }

    @EventListener
    void on(FrameworkImported imported) {
        if (imported.slug().equals("esco-onet-crosswalk")) {
            start();
        }
    }

    /** The seeding stops between two candidates when the application closes (it resumes on the next start). */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }

    private void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("demo-talent").start(() -> {
            try {
                // the demo jobs and Izzy's college credential come once the ontology is in (minutes on a first start)
                for (int i = 0; i < 240 && !stopping && !ready(); i++) {
                    Thread.sleep(5_000);
                }
                seed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Demo talent candidates not seeded: {}", e.getMessage());
            }
        });
    }

    /**
     * The demo jobs exist and Izzy holds her college credential. The college is created a moment before its
     * credentials are placed, so waiting for the college alone could opt Izzy in without her certificate.
     */
    private boolean ready() {
        Optional<String> college = organizations.find(COLLEGE).map(o -> o.name());
        return !demoJobs().isEmpty()
                && college.isPresent()
                && accounts.findByEmail(IZZY)
                        .map(izzy -> wallet.list(izzy.id(), false).stream()
                                .anyMatch(c -> c.issuerName().equals(college.get())))
                        .orElse(true);
    }

    void seed() {
        if (stopping) {
            return;
        }
        accounts.findByEmail(IZZY).ifPresent(izzy -> {
            if (discovery.read(izzy.id()).mode() == DiscoveryMode.OFF) {
                List<java.util.UUID> held = wallet.list(izzy.id(), false).stream()
                        .map(HeldCredential::id)
                        .toList();
                discovery.write(izzy.id(), new DiscoverySetting(DiscoveryMode.ANONYMOUS, held, List.of()));
            }
        });
        // Marcus works for the demo employer: linked, and findable by it alone (internal), with his credentials
        accounts.findByEmail(MARCUS)
                .ifPresent(marcus -> organizations.find(EMPLOYER).ifPresent(employer -> {
                    if (discovery.read(marcus.id()).mode() == DiscoveryMode.OFF) {
                        List<java.util.UUID> held = wallet.list(marcus.id(), false).stream()
                                .map(HeldCredential::id)
                                .toList();
                        discovery.write(marcus.id(), new DiscoverySetting(DiscoveryMode.INTERNAL, held, List.of()));
                    }
                    Employees.ForEmployer link =
                            employees.invite(employer, marcus.email().value());
                    if (link.state() == Employees.State.INVITED) {
                        employees.accept(marcus.id(), link.id());
                    }
                }));
        List<JobTarget> open = demoJobs();
        if (open.isEmpty()) {
            log.info("Demo talent candidates: no demo jobs, none created");
            return;
        }
        Random random = new Random(16);
        int created = 0;
        for (int i = 1; i <= count && !stopping; i++) {
            JobTarget job = open.get(i % open.size());
            JobTarget other = open.get(random.nextInt(open.size()));
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            List<TargetSkill> picked = pick(job, other, random);
            Optional<String> place = place(random); // drawn before the skip, so a resumed seeding draws the same
            Optional<Availability> when = when(random);
            String email = "candidate-%04d@demo.openler.org".formatted(i);
            if (accounts.findByEmail(email).isPresent()) {
                continue;
            }
            Account account = accounts.create(
                    new AccountService.NewAccount(email, first + " " + last, PASSWORD, AccountKind.LEARNER, "en"));
            for (TargetSkill skill : picked) {
                String words = skill.label().length() > 200 ? skill.label().substring(0, 200) : skill.label();
                skills.add(
                        account.id(),
                        new SelfAssertedSkills.Input(words, skill.skillUri().toString(), "", ""));
            }
            discovery.write(
                    account.id(),
                    new DiscoverySetting(
                            DiscoveryMode.ANONYMOUS,
                            List.of(),
                            picked.stream().map(TargetSkill::skillUri).toList(),
                            place,
                            when));
            created++;
        }
        log.info("Demo talent candidates: {} created, {} asked for, over {} demo jobs", created, count, open.size());
    }

    /**
     * A coarse location near the demo jobs (Alabama) for most, a neighbouring state for some, none for a few: the
     * location filter then has both answers to show, a list and "too few candidates".
     */
    static Optional<String> place(Random random) {
        double r = random.nextDouble();
        if (r < 0.6) {
            return Optional.of("US-AL");
        }
        if (r < 0.9) {
            return Optional.of(NEIGHBOURS.get(random.nextInt(NEIGHBOURS.size())));
        }
        return Optional.empty();
    }

    /** Available now for about half, within three months for a third, the rest not looking or not saying. */
    static Optional<Availability> when(Random random) {
        double r = random.nextDouble();
        if (r < 0.5) {
            return Optional.of(Availability.NOW);
        }
        if (r < 0.8) {
            return Optional.of(Availability.WITHIN_3_MONTHS);
        }
        return r < 0.9 ? Optional.of(Availability.NOT_LOOKING) : Optional.empty();
    }

    /** Most of one job's skills (a heavier one more likely), and one or two of another job's. */
    static List<TargetSkill> pick(JobTarget job, JobTarget other, Random random) {
        List<TargetSkill> own = new ArrayList<>(job.target().requirements());
        // a work activity (reached through skills) is no skill a candidate holds
        own.removeIf(s ->
                !s.skillUri().getScheme().startsWith("http") || !s.through().isEmpty());
        own.sort(Comparator.comparingDouble(TargetSkill::weight).reversed());
        List<TargetSkill> picked = new ArrayList<>();
        for (int k = 0; k < own.size(); k++) {
            double chance = 0.9 - 0.5 * k / Math.max(1, own.size());
            if (random.nextDouble() < chance) {
                picked.add(own.get(k));
            }
        }
        List<TargetSkill> extra = other.target().requirements();
        for (int k = 0; k < 2 && !extra.isEmpty(); k++) {
            TargetSkill skill = extra.get(random.nextInt(extra.size()));
            if (skill.skillUri().getScheme().startsWith("http")
                    && skill.through().isEmpty()
                    && picked.stream().noneMatch(p -> p.skillUri().equals(skill.skillUri()))) {
                picked.add(skill);
            }
        }
        return picked;
    }

    private List<JobTarget> demoJobs() {
        Optional<String> name = organizations.find(EMPLOYER).map(o -> o.name());
        if (name.isEmpty()) {
            return List.of();
        }
        List<JobTarget> open = new ArrayList<>();
        for (JobTargets source : jobs) {
            source.openJobs().stream()
                    .filter(j -> j.employer().equals(name.get()))
                    .forEach(open::add);
        }
        open.sort(Comparator.comparing(JobTarget::title));
        return open;
    }
}
