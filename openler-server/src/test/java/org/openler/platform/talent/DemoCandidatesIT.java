package org.openler.platform.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.OpenLerApplication;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.matching.Evidence;
import org.openler.platform.matching.JobTarget;
import org.openler.platform.matching.JobTargets;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.TargetSkill;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.support.DemoBesideTheSuite;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.Wallet;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's talent seeding, seen running: a first start of {@code ./openler demo} on an empty H2 folder loads the
 * bundled ontology in the background, then the demo jobs and Demo Community College's credentials, then
 * {@link DemoCandidates}. This waits (bounded) until it has finished and checks what the story needs: Izzy opted in
 * anonymously with every credential she holds (her college certificate among them), Marcus linked to Demo Employer
 * and found by its internal search by name, and the synthetic candidates opted in with skills from the demo jobs, a
 * coarse location and availability, so that a search from a demo job ranks more than five of them. The candidate
 * count is set small ({@code openler.demo.talent-candidates}): the same code paths as the default 1,000, in seconds
 * instead of minutes of password hashing.
 */
@DemoBesideTheSuite
class DemoCandidatesIT {

    static final int CANDIDATES = 40;
    static final Duration SEEDING = Duration.ofMinutes(12);

    @TempDir
    Path dataDir;

    @Test
    void theDemoOptsIzzyInLinksMarcusToDemoEmployerAndSeedsTheSyntheticCandidates() throws InterruptedException {
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(OpenLerApplication.class)
                .profiles("demo")
                .run(
                        "--server.port=0",
                        "--openler.data-dir=" + dataDir,
                        "--openler.demo.talent-candidates=" + CANDIDATES)) {
            JdbcClient jdbc = demo.getBean(JdbcClient.class);
            Instant until = Instant.now().plus(SEEDING);
            while (Instant.now().isBefore(until) && seeded(jdbc) < CANDIDATES) {
                Thread.sleep(2000);
            }
            assertThat(seeded(jdbc))
                    .as(
                            "synthetic candidates opted in, after the ontology, the demo jobs and the college's credentials")
                    .isEqualTo(CANDIDATES);

            AccountService accounts = demo.getBean(AccountService.class);
            TalentDiscovery discovery = demo.getBean(TalentDiscovery.class);
            Wallet wallet = demo.getBean(Wallet.class);
            Account izzy = accounts.findByEmail(DemoCandidates.IZZY).orElseThrow();
            DiscoverySetting izzys = discovery.read(izzy.id());
            assertThat(izzys.mode()).isEqualTo(DiscoveryMode.ANONYMOUS);
            List<HeldCredential> held = wallet.list(izzy.id(), false);
            assertThat(held)
                    .as("Izzy holds her college certificate")
                    .anyMatch(c -> c.issuerName().equals("Demo Community College"));
            assertThat(new HashSet<>(izzys.credentials()))
                    .as("every credential she holds is searchable")
                    .isEqualTo(
                            new HashSet<>(held.stream().map(HeldCredential::id).toList()));

            Account marcus = accounts.findByEmail(DemoCandidates.MARCUS).orElseThrow();
            assertThat(discovery.read(marcus.id()).mode()).isEqualTo(DiscoveryMode.INTERNAL);
            Organization employer = demo.getBean(OrganizationService.class)
                    .find(DemoCandidates.EMPLOYER)
                    .orElseThrow();
            Employees employees = demo.getBean(Employees.class);
            assertThat(employees.list(employer)).singleElement().satisfies(link -> {
                assertThat(link.state()).isEqualTo(Employees.State.LINKED);
                assertThat(link.name()).isEqualTo(marcus.displayName());
            });
            // Demo Employer's internal search, for what Marcus made searchable, finds him by name
            TalentSearch search = demo.getBean(TalentSearch.class);
            TalentDocuments documents = demo.getBean(TalentDocuments.class);
            List<Evidence> his = documents.searchable(marcus.id());
            assertThat(his)
                    .as("Marcus's credentials give him searchable skills")
                    .isNotEmpty();
            MatchTarget asked = new MatchTarget(
                    "Marcus's skills",
                    his.stream()
                            .limit(5)
                            .map(e -> new TargetSkill(e.skill(), e.label(), 1.0, true, 0))
                            .toList());
            assertThat(employees.search(employer, asked).employees())
                    .extracting(Employees.Employee::name)
                    .containsExactly(marcus.displayName());

            // the candidates: skills from the demo jobs, and most with a state and an availability
            assertThat(jdbc.sql("select count(*) from talent_discovery d join account a on a.id = d.account_id"
                                    + " where a.email like 'candidate-%' and d.region is not null")
                            .query(Long.class)
                            .single())
                    .isGreaterThan(CANDIDATES / 2L);
            Set<String> jobSkills = new HashSet<>();
            List<JobTarget> jobs = demo.getBeansOfType(JobTargets.class).values().stream()
                    .flatMap(j -> j.openJobs().stream())
                    .filter(j -> j.employer().equals(employer.name()))
                    .toList();
            jobs.forEach(j -> j.target()
                    .requirements()
                    .forEach(r -> jobSkills.add(r.skillUri().toString())));
            // the demo jobs carry the detailed work activities their occupation proposes, as an employer's job does
            // (O*NET links most occupations' tasks to some); a work activity is reached through skills, not held
            Set<String> activities = new HashSet<>();
            jobs.forEach(j -> j.target().requirements().stream()
                    .filter(r -> !r.through().isEmpty())
                    .forEach(r -> activities.add(r.skillUri().toString())));
            assertThat(jobs)
                    .filteredOn(j -> j.target().requirements().stream()
                            .anyMatch(r -> !r.through().isEmpty()))
                    .hasSizeGreaterThan(jobs.size() / 2);
            assertThat(jdbc.sql("select s.ref from talent_searchable s join account a on a.id = s.account_id"
                                    + " where a.email like 'candidate-%' and s.kind = 'SKILL'")
                            .query(String.class)
                            .list())
                    .isNotEmpty()
                    .allMatch(jobSkills::contains)
                    .as("a work activity is no skill a candidate holds")
                    .noneMatch(activities::contains);
            // a search from some demo job ranks more than five candidates, none of them named
            boolean ranked = false;
            for (JobTarget job : jobs) {
                TalentSearch.Result result =
                        search.search(employer, new TalentSearch.Query(List.of(), Optional.of(job.id()), 0, 10));
                if (result.status().equals("ranked")) {
                    ranked = true;
                    assertThat(result.total()).isGreaterThanOrEqualTo(TalentSearch.MIN_CANDIDATES);
                    assertThat(result.candidates()).allMatch(c -> c.pseudonym().startsWith("c-"));
                    break;
                }
            }
            assertThat(ranked).as("a demo job finds candidates").isTrue();
        }
    }

    /** Synthetic candidates whose discovery setting is written (the last step for each). */
    private static long seeded(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from talent_discovery d join account a on a.id = d.account_id"
                        + " where a.email like 'candidate-%' and d.mode = 'ANONYMOUS'")
                .query(Long.class)
                .single();
    }
}
