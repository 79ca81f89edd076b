package org.openler.platform.demo;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.clients.MachineClientService;
import org.openler.platform.corrections.CorrectionRequests;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.issuing.CredentialFormat;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.privacy.Discovery;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode's people and organizations, named after the stories in the source papers. Runs at every start and adds
 * only what is missing, so restarts keep whatever a visitor did. Present in demo mode only.
 */
@Component
@ConditionalOnProperty(name = "openler.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    /** Every demo account's password. Demo mode only; the README says so. */
    static final String PASSWORD = "demo-password-1";

    static final String ISSUER_CLIENT_ID = "demo-issuer";
    static final String ISSUER_CLIENT_SECRET = "demo-issuer-secret";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record Person(String email, String name, AccountKind kind) {}

    static final List<Person> LEARNERS = List.of(
            new Person("andre@demo.openler.org", "Andre Jackson", AccountKind.LEARNER),
            new Person("izzy@demo.openler.org", "Izzy Romero", AccountKind.LEARNER),
            new Person("marcus@demo.openler.org", "Marcus Lee", AccountKind.LEARNER),
            new Person("claire@demo.openler.org", "Claire Dubois", AccountKind.LEARNER));

    private final AccountService accounts;
    private final OrganizationService organizations;
    private final MachineClientService clients;
    private final RegisteredClientRepository registeredClients;
    private final Achievements achievements;
    private final Issuance issuance;
    private final Issuers issuers;
    private final Claims claims;
    private final CorrectionRequests corrections;
    private final Discovery discovery;
    private final Wallet wallet;
    private final DemoShares demoShares;

    DemoData(
            AccountService accounts,
            OrganizationService organizations,
            MachineClientService clients,
            RegisteredClientRepository registeredClients,
            Achievements achievements,
            Issuance issuance,
            Issuers issuers,
            Claims claims,
            CorrectionRequests corrections,
            Discovery discovery,
            Wallet wallet,
            DemoShares demoShares) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.clients = clients;
        this.registeredClients = registeredClients;
        this.achievements = achievements;
        this.issuance = issuance;
        this.issuers = issuers;
        this.claims = claims;
        this.corrections = corrections;
        this.discovery = discovery;
        this.wallet = wallet;
        this.demoShares = demoShares;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Person learner : LEARNERS) {
            account(learner);
        }
        Account registrar = account(new Person("registrar@demo.openler.org", "Rosa Registrar", AccountKind.STAFF));
        Account issuer = account(new Person("issuer@demo.openler.org", "Ivan Issuer", AccountKind.STAFF));
        Account recruiter = account(new Person("recruiter@demo.openler.org", "Erin Employer", AccountKind.STAFF));

        Organization university = organizations
                .find("demo-university")
                .orElseGet(() -> organizations.create(
                        "Demo University", "demo-university", Organization.Kind.PROVIDER, person(registrar)));
        if (organizations.roleOf(issuer.id(), university.id()).isEmpty()) {
            organizations.changeRoleOrAdd(university, issuer.id(), StaffRole.ISSUER, person(registrar));
        }
        Organization employer = organizations
                .find("demo-employer")
                .orElseGet(() -> organizations.create(
                        "Demo Employer", "demo-employer", Organization.Kind.EMPLOYER, person(recruiter)));

        seedCredentials(university, registrar);
        seedPrivacy();
        demoShares.place(account(LEARNERS.get(2)), employer);

        if (registeredClients.findByClientId(ISSUER_CLIENT_ID) == null) {
            clients.register(
                    university.id(), ISSUER_CLIENT_ID, ISSUER_CLIENT_SECRET, "Demo issuing system", person(registrar));
        }
        log.info(
                "Demo data ready: demo-university, demo-employer, {} learners, client {}",
                LEARNERS.size(),
                ISSUER_CLIENT_ID);
    }

    /** Two achievements and a credential for each learner; idempotency keys make re-runs issue nothing new. */
    private void seedCredentials(Organization university, Account registrar) {
        List<AchievementDefinition> defined = achievements.list(university.id());
        if (defined.isEmpty()) {
            defined = List.of(
                    achievements.create(
                            university.id(),
                            new Achievements.Draft(
                                    "Welding Fundamentals",
                                    "Safe, code-compliant MIG and TIG welds on steel and aluminium.",
                                    "Passed the practical welding assessment and the safety examination.",
                                    "Certificate",
                                    "",
                                    // ESCO "use welding equipment", declared a competency: a verified skill
                                    List.of(new AchievementDefinition.Alignment(
                                            URI.create("http://data.europa.eu/esco/skill/"
                                                    + "2ee57de4-bffd-4194-b009-0060edec77cc"),
                                            "use welding equipment",
                                            Optional.of("ceasn:Competency"),
                                            Optional.of("ESCO"),
                                            Optional.empty())),
                                    "",
                                    // a rubric whose level is the level reached in the aligned skill (matching
                                    // compares it with the level a job asks)
                                    List.of(new Achievements.ResultDraft(
                                            "RubricCriterionLevel",
                                            "Welding proficiency",
                                            List.of("Novice", "Competent", "Proficient", "Expert")))),
                            person(registrar)),
                    achievements.create(
                            university.id(),
                            new Achievements.Draft(
                                    "Data Analysis with Python",
                                    "Cleans, analyses and visualises data sets with Python and SQL.",
                                    "Completed four graded projects with a score of at least 80%.",
                                    "Course",
                                    "",
                                    List.of(),
                                    "",
                                    List.of(
                                            new Achievements.ResultDraft("LetterGrade", "Final grade", List.of()),
                                            new Achievements.ResultDraft("Percent", "Project average", List.of()))),
                            person(registrar)));
        }
        for (int i = 0; i < LEARNERS.size(); i++) {
            AchievementDefinition achievement = defined.get(i % defined.size());
            Issuance.Issued issued = issuance.issue(
                    issuers.of(university),
                    new Issuance.Request(
                            achievement.id(),
                            new Issuance.To.Email(LEARNERS.get(i).email()),
                            Optional.empty(),
                            Optional.of("demo-credential-" + i),
                            Issuance.DidMethod.WEB,
                            CredentialFormat.LDP,
                            demoResults(achievement, i)),
                    person(registrar));
            // In their wallets from the start, as if claimed (a wallet already holding it is left as it is).
            Account learner = account(LEARNERS.get(i));
            claims.placeForDemo(learner.id(), issued.id());
        }
        // Marcus also holds an SD-JWT VC (bound to his wallet's key), to present selected claims to Demo Employer.
        Issuance.Issued sdJwt = issuance.issue(
                issuers.of(university),
                new Issuance.Request(
                        // another achievement than the one he holds already, so his wallet shows two different
                        // credentials rather than two that look the same
                        defined.get((2 + 1) % defined.size()).id(),
                        new Issuance.To.Email(LEARNERS.get(2 % LEARNERS.size()).email()),
                        Optional.empty(),
                        Optional.of("demo-credential-sd-jwt"),
                        Issuance.DidMethod.WEB,
                        CredentialFormat.SD_JWT),
                person(registrar));
        claims.placeForDemo(account(LEARNERS.get(2 % LEARNERS.size())).id(), sdJwt.id());
        // One more for Izzy, left unclaimed: its claim message waits in the outbox (/demo/outbox) for the tour.
        issuance.issue(
                issuers.of(university),
                new Issuance.Request(
                        // not the achievement she already holds: the claim is for something new
                        defined.get((1 + 1) % defined.size()).id(),
                        new Issuance.To.Email(LEARNERS.get(1).email()),
                        Optional.empty(),
                        Optional.of("demo-credential-unclaimed")),
                person(registrar));
    }

    /**
     * The results the demo's credentials state, where their achievement defines them: a welding proficiency level, a
     * course's grade and project average (varying by learner, so the pages do not all look the same).
     */
    static List<Issuance.StatedResult> demoResults(AchievementDefinition achievement, int learner) {
        List<Issuance.StatedResult> results = new java.util.ArrayList<>();
        for (AchievementDefinition.ResultDescription d : achievement.resultDescriptions()) {
            switch (d.type()) {
                case RUBRIC ->
                    results.add(new Issuance.StatedResult(
                            d.name(), d.levels().get(learner % 2 == 0 ? 2 : 1).name()));
                case LETTER_GRADE -> results.add(new Issuance.StatedResult(d.name(), learner % 2 == 0 ? "B" : "A"));
                case PERCENT -> results.add(new Issuance.StatedResult(d.name(), learner % 2 == 0 ? "84" : "92"));
            }
        }
        return results;
    }

    /**
     * The privacy center's tour: Marcus lets others find him (everyone else keeps the default, not discoverable), and
     * Claire has asked Demo University to correct her credential, which its staff see under Correction requests.
     */
    private void seedPrivacy() {
        discovery.setDiscoverable(account(LEARNERS.get(2)).id(), true);
        Account claire = account(LEARNERS.get(3));
        if (corrections.count(claire.id()) == 0) {
            wallet.issuedHere(claire.id()).stream()
                    .findFirst()
                    .ifPresent(held -> corrections.request(
                            person(claire),
                            new HeldCredentialId(held.id()),
                            "My family name is Dubois, with an s; please check the spelling on this credential."));
        }
    }

    private Account account(Person person) {
        return accounts.findByEmail(person.email())
                .orElseGet(() -> accounts.create(
                        new AccountService.NewAccount(person.email(), person.name(), PASSWORD, person.kind(), "en")));
    }

    private static Actor.Person person(Account account) {
        return new Actor.Person(account.id(), account.kind(), false);
    }
}
