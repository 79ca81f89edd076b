package org.openler.platform.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.kernel.JobId;
import org.openler.platform.organizations.Organization;
import org.openler.platform.registry.CredentialOfValue;
import org.openler.platform.registry.RegistryCourse;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.registry.RegistryQuery;
import org.openler.platform.registry.RegistrySearch;
import org.openler.platform.skills.Occupation;
import org.openler.platform.skills.load.BundledFrameworks;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matching test set with known answers, on the real PostgreSQL with the real O*NET 29.3, ESCO 1.1.1 and their
 * crosswalk loaded: Registered Nurses (29-1141.00) as the target; learners whose credentials are issued here, claimed
 * into their wallets, and read back through their skills profile; a registry entry that teaches a gap; a job supplied
 * through the {@link JobTargets} seam. Everything over HTTP as the learner.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(MatchingIT.Jobs.class)
class MatchingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NURSES = "29-1141.00";
    static final URI WELDING = URI.create("http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc");
    static final UUID JOB = UUID.fromString("0b6f3c2e-6d0a-4c53-9d53-6f1d0a8f1c11");
    static final UUID LEAD_JOB = UUID.fromString("7a0d9c51-2f4e-4b8a-9e3c-5d1b2a6f0c22");
    /** Two jobs alike in title and in fit for a welder: only their ids order them. */
    static final UUID WEEKEND_A = UUID.fromString("3c1e0b7a-0000-4000-8000-00000000000a");

    static final UUID WEEKEND_B = UUID.fromString("3c1e0b7a-0000-4000-8000-00000000000b");

    /** A job the jobs feature would supply: the seam's one implementation in this test. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Jobs {
        @Bean
        JobTargets testJobs() {
            MatchTarget welder = new MatchTarget(
                    "Welder, night shift", List.of(new TargetSkill(WELDING, "use welding equipment", 1.0, true, 0)));
            MatchTarget lead = new MatchTarget(
                    "Lead welder", List.of(new TargetSkill(WELDING, "use welding equipment", 1.0, true, 4)));
            return new JobTargets() {
                @Override
                public Optional<MatchTarget> forJob(JobId jobId) {
                    if (jobId.value().equals(LEAD_JOB)) {
                        return Optional.of(lead);
                    }
                    return List.of(JOB, WEEKEND_A, WEEKEND_B).contains(jobId.value())
                            ? Optional.of(welder)
                            : Optional.empty();
                }

                @Override
                public List<JobTarget> openJobs() {
                    return List.of(
                            new JobTarget(WEEKEND_B, "Welder, weekend shift", "Dock Yard", welder),
                            new JobTarget(JOB, "Welder, night shift", "Harbour Fabrication", welder),
                            new JobTarget(WEEKEND_A, "Welder, weekend shift", "Harbour Fabrication", welder));
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    BundledFrameworks bundled;

    @Autowired
    WalletKit wallet;

    @Autowired
    Achievements achievements;

    @Autowired
    OccupationTargets occupations;

    @Autowired
    RegistryEntries registry;

    @Autowired
    RegistrySearch search;

    MatchTarget nurses;
    List<TargetSkill> top;

    @BeforeAll
    void theOntologyIsLoaded() {
        bundled.loadAll();
        Occupation rn = occupations.resolve(NURSES);
        nurses = occupations.target(rn);
        // the heaviest requirements that together carry at least 92 % of the target's weight
        List<TargetSkill> sorted = new ArrayList<>(nurses.requirements());
        sorted.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        top = new ArrayList<>();
        double sum = 0;
        for (TargetSkill s : sorted) {
            if (sum >= 0.92 * nurses.totalWeight()) {
                break;
            }
            top.add(s);
            sum += s.weight();
        }
    }

    @Test
    void theOccupationTargetAsksForItsOwnRatedSkillsAndItsEscoCounterpartsSkills() {
        assertThat(nurses.requirements()).hasSizeBetween(10, 25);
        assertThat(nurses.requirements())
                .anyMatch(s -> s.skillUri().toString().startsWith("https://www.onetonline.org/find/descriptor/"))
                .anyMatch(s -> s.skillUri().toString().startsWith("http://data.europa.eu/esco/skill/"));
    }

    @Test
    void aLearnerWhoseVerifiedCredentialsAlignToTheTopWeightedSkillsScoresAtLeastNinety() {
        Account learner = wallet.fixturesForTests().learner();
        WebClient web = WalletKit.signedIn(port, learner);
        UUID held = wallet.issuedAndClaimed(provider("Nursing Practice Certificate", top), learner, web);

        JsonNode match = json(web, "/me/matches?occupation=" + NURSES);

        assertThat(match.path("state").asString()).isEqualTo("matched");
        assertThat(match.path("score").asInt()).isGreaterThanOrEqualTo(90);
        assertThat(match.path("subject").path("title").asString()).isEqualTo("Registered Nurses");
        List<JsonNode> met = new ArrayList<>();
        match.path("requirements").forEach(r -> {
            if (r.path("met").asBoolean()) {
                met.add(r);
            }
        });
        assertThat(met).hasSize(top.size());
        for (JsonNode r : met) {
            JsonNode evidence = r.path("evidence").get(0);
            assertThat(evidence.path("kind").asString()).isEqualTo("verified");
            assertThat(evidence.path("credential").asString()).isEqualTo(held.toString());
            assertThat(evidence.path("issuer").asString()).startsWith("Test PROVIDER");
            assertThat(evidence.path("alignment").asString())
                    .isEqualTo(r.path("skill").asString());
        }
    }

    @Test
    void everyExplanationOfEarnedPointsNamesTheCredentialItReliesOn() {
        Account learner = wallet.fixturesForTests().learner();
        WebClient web = WalletKit.signedIn(port, learner);
        wallet.issuedAndClaimed(provider("Patient Care Badge", top.subList(0, 5)), learner, web);

        JsonNode match = json(web, "/me/matches?occupation=" + NURSES);

        int earning = 0;
        for (JsonNode r : match.path("requirements")) {
            if (r.path("points").asDouble() > 0) {
                earning++;
                String why = String.join(
                        " ",
                        r.path("explanation")
                                .valueStream()
                                .map(JsonNode::asString)
                                .toList());
                assertThat(why).as(r.path("label").asString()).contains("“Patient Care Badge”", "Test PROVIDER");
                assertThat(r.path("evidence")).isNotEmpty();
            }
        }
        assertThat(earning).isGreaterThanOrEqualTo(5);
        assertThat(match.path("gaps")).isNotEmpty();
        // gaps are ordered by weight × what is missing
        double previous = Double.MAX_VALUE;
        for (JsonNode gap : match.path("gaps")) {
            assertThat(gap.path("missing").asDouble()).isLessThanOrEqualTo(previous);
            previous = gap.path("missing").asDouble();
        }
    }

    @Test
    void anUnrelatedLearnerScoresBelowTwenty() {
        WebClient web = aSignedInWelder();

        assertThat(json(web, "/me/matches?occupation=" + NURSES).path("score").asInt())
                .isLessThan(20);
    }

    @Test
    void theSameSkillsSelfAssertedScoreLowerThanVerifiedAndAreLabelledSelfAsserted() {
        Account verified = wallet.fixturesForTests().learner();
        WebClient verifiedWeb = WalletKit.signedIn(port, verified);
        wallet.issuedAndClaimed(provider("Nursing Practice Certificate", top), verified, verifiedWeb);
        Account self = wallet.fixturesForTests().learner();
        WebClient selfWeb = WalletKit.signedIn(port, self);
        for (TargetSkill s : top) {
            HttpResponse<String> added = selfWeb.submit(
                    "/wallet/skills",
                    "/wallet/skills",
                    Map.of(
                            "ownWords",
                            "I can do " + s.label(),
                            "competency",
                            s.skillUri().toString()));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        }

        JsonNode bySelf = json(selfWeb, "/me/matches?occupation=" + NURSES);
        JsonNode byCredential = json(verifiedWeb, "/me/matches?occupation=" + NURSES);

        assertThat(bySelf.path("score").asInt())
                .isLessThan(byCredential.path("score").asInt())
                .isGreaterThan(0);
        for (JsonNode r : bySelf.path("requirements")) {
            for (JsonNode e : r.path("evidence")) {
                assertThat(e.path("kind").asString()).isEqualTo("self-asserted");
            }
        }
        assertThat(bySelf.path("gaps").valueStream().map(g -> g.path("kind").asString()))
                .contains("unverified");
    }

    @Test
    void theTrainingPlanTakesARegistryCredentialThatTeachesAGap() throws InterruptedException {
        TargetSkill gap = top.getLast();
        Fixtures.Org college = wallet.fixturesForTests().organization(Organization.Kind.PROVIDER);
        String ctid = RegistryCourse.certificate("Bridge Course " + UUID.randomUUID(), "Closes a gap.", "Attend.")
                .costingUsd(480)
                .taking("PT60H")
                .delivered(CredentialOfValue.DeliveryMode.ONLINE)
                .in(new CredentialOfValue.Place("Des Moines", "IA", "US"))
                .teaching(gap.skillUri(), gap.label())
                .publishedBy(registry, college);
        RegistryQuery query = RegistryQuery.builder()
                .competencies(List.of(gap.skillUri().toString()))
                .build();
        for (int i = 0;
                i < 100
                        && search.search(query).hits().stream()
                                .noneMatch(h -> h.ctid().equals(ctid));
                i++) {
            Thread.sleep(100);
        }
        Account learner = wallet.fixturesForTests().learner();
        WebClient web = WalletKit.signedIn(port, learner);
        wallet.issuedAndClaimed(provider("Nursing Basics", top.subList(0, top.size() - 1)), learner, web);

        JsonNode plan = json(web, "/me/matches?occupation=" + NURSES).path("plan");

        JsonNode step = plan.path("steps")
                .valueStream()
                .filter(s -> s.path("ctid").asString().equals(ctid))
                .findFirst()
                .orElseThrow();
        assertThat(step.path("closes").valueStream().map(c -> c.path("skill").asString()))
                .contains(gap.skillUri().toString());
        assertThat(step.path("hours").asDouble()).isEqualTo(60);
        assertThat(plan.path("totals").path("hours").asDouble()).isGreaterThanOrEqualTo(60);
        assertThat(plan.path("totals").path("cost").asDouble()).isGreaterThanOrEqualTo(480);
    }

    @Test
    void aLearnerWithNoRecordGetsAnEmptyStateThatSaysWhatToDoNext() {
        WebClient web = WalletKit.signedIn(port, wallet.fixturesForTests().learner());
        HttpResponse<String> response = web.get("/me/matches?occupation=" + NURSES, "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode match = JSON.readTree(response.body());
        assertThat(match.path("state").asString()).isEqualTo("empty");
        assertThat(match.path("next").asString()).contains("wallet");
        assertThat(match.path("score").asInt()).isZero();
        assertThat(json(web, "/me/jobs").path("state").asString()).isEqualTo("empty");
        assertThat(json(web, "/me/pathways").path("state").asString()).isEqualTo("empty");
    }

    @Test
    void unknownAndMalformedOccupationCodesAreProblems() {
        WebClient web = WalletKit.signedIn(port, wallet.fixturesForTests().learner());
        assertProblem(web.get("/me/matches?occupation=29-9999.99", "application/json"), 404, "not-found");
        assertProblem(web.get("/me/matches?occupation=nurse", "application/json"), 400, "invalid-input");
        assertProblem(web.get("/me/matches", "application/json"), 400, "invalid-input");
        assertProblem(
                web.get("/me/matches?occupation=" + NURSES + "&job=" + JOB, "application/json"), 400, "invalid-input");
        assertProblem(web.get("/me/matches?job=not-a-uuid", "application/json"), 400, "invalid-input");
        assertProblem(web.get("/me/matches?job=" + UUID.randomUUID(), "application/json"), 404, "not-found");
        assertProblem(
                web.get("/me/matches?occupation=" + NURSES + "&by=luck", "application/json"), 400, "invalid-input");
        assertProblem(web.get("/me/pathways?from=" + "x".repeat(1_000), "application/json"), 400, "invalid-input");
    }

    @Test
    void onlyASignedInLearnerMayMatch() {
        HttpResponse<String> anonymous = WebClient.on(port).get("/me/matches?occupation=" + NURSES, "application/json");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        Account staff = wallet.fixturesForTests().staff();
        WebClient web = WalletKit.signedIn(port, staff);
        assertThat(web.get("/me/jobs", "application/json").statusCode()).isEqualTo(403);
    }

    @Test
    void aSelfAssertedLevelIsComparedWithTheLevelAskedAndTheExplanationSaysSoInPlainWords() {
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, String> explanations = new LinkedHashMap<>();
        for (String level : List.of("2", "4", "")) {
            Account learner = wallet.fixturesForTests().learner();
            WebClient web = WalletKit.signedIn(port, learner);
            HttpResponse<String> added = web.submit(
                    "/wallet/skills",
                    "/wallet/skills",
                    Map.of("ownWords", "I weld", "competency", WELDING.toString(), "level", level));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
            JsonNode match = json(web, "/me/matches?job=" + LEAD_JOB);
            scores.put(level, match.path("score").asInt());
            explanations.put(
                    level, match.path("requirements").get(0).path("explanation").toString());
            if (level.equals("2")) {
                assertThat(match.path("gaps").get(0).path("kind").asString()).isEqualTo("level");
            }
        }
        // self-asserted counts 0.5; at level 2 of the 4 asked, half of that
        assertThat(scores).containsExactly(Map.entry("2", 25), Map.entry("4", 50), Map.entry("", 50));
        assertThat(explanations.get("2")).contains("your own estimate", "level 2", "level 4", "50");
        assertThat(explanations.get("4")).contains("counts in full");
        assertThat(explanations.get("")).contains("nothing in your record states your level");
        Account wrong = wallet.fixturesForTests().learner();
        HttpResponse<String> refused = WalletKit.signedIn(port, wrong)
                .submit(
                        "/wallet/skills",
                        "/wallet/skills",
                        Map.of("ownWords", "I weld", "competency", WELDING.toString(), "level", "9"));
        assertThat(refused.statusCode()).isIn(302, 400);
        assertThat(json(WalletKit.signedIn(port, wrong), "/me/matches?job=" + LEAD_JOB)
                        .path("state")
                        .asString())
                .as("a level outside 1–5 is refused, so nothing was added")
                .isEqualTo("empty");
    }

    @Test
    void theRubricLevelAnIssuerStatesIsTheLevelTheMatchComparesWithTheLevelAsked() {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String reached : List.of("Competent", "Expert", "")) {
            Account learner = wallet.fixturesForTests().learner();
            WebClient web = WalletKit.signedIn(port, learner);
            Fixtures.Org org = wallet.fixturesForTests().organization(Organization.Kind.PROVIDER);
            AchievementDefinition achievement = achievements.create(
                    org.organization().id(),
                    new Achievements.Draft(
                            "Welding Practice",
                            "Welds to code.",
                            "Observed on the shop floor.",
                            "Competency",
                            "",
                            List.of(WalletKit.competency(WELDING, "use welding equipment")),
                            "",
                            List.of(new Achievements.ResultDraft(
                                    "RubricCriterionLevel",
                                    "Welding proficiency",
                                    List.of("Novice", "Competent", "Proficient", "Expert")))),
                    Fixtures.person(org.admin()));
            WalletKit.Provider provider = new WalletKit.Provider(org, achievement);
            wallet.issue(
                    provider,
                    learner.email().value(),
                    reached.isEmpty()
                            ? List.of()
                            : List.of(new org.openler.platform.issuing.Issuance.StatedResult(
                                    "Welding proficiency", reached)));
            WalletKit.claim(web, wallet.claimToken(learner.email().value()));
            JsonNode match = json(web, "/me/matches?job=" + LEAD_JOB);
            scores.put(reached, match.path("score").asInt());
            if (reached.equals("Competent")) {
                assertThat(match.path("gaps").get(0).path("kind").asString()).isEqualTo("level");
                assertThat(match.path("requirements").get(0).path("explanation").toString())
                        .contains("Welding Practice", "level 2", "level 4");
            }
        }
        // the lead welder asks level 4; a 4-level rubric maps Competent (2nd) to 2 and Expert (4th) to 5; verified
        // evidence counts 1.0, times held ÷ asked at most 1; a credential stating no level is not held against
        assertThat(scores).containsExactly(Map.entry("Competent", 50), Map.entry("Expert", 100), Map.entry("", 100));
    }

    @Test
    void aLetterGradeOrAPercentTheIssuerStatesBecomesTheLevelTheMatchComparesWithTheLevelAsked() {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String stated : List.of("Final grade=B+", "Exam score=87%", "Final grade=C", "Exam score=65")) {
            Account learner = wallet.fixturesForTests().learner();
            WebClient web = WalletKit.signedIn(port, learner);
            Fixtures.Org org = wallet.fixturesForTests().organization(Organization.Kind.PROVIDER);
            AchievementDefinition achievement = achievements.create(
                    org.organization().id(),
                    new Achievements.Draft(
                            "Welding Course",
                            "Welds to code.",
                            "Passed the course.",
                            "Course",
                            "",
                            List.of(new AchievementDefinition.Alignment(
                                    WELDING,
                                    "use welding equipment",
                                    Optional.of("ceasn:Competency"),
                                    Optional.empty(),
                                    Optional.empty())),
                            "",
                            List.of(
                                    new Achievements.ResultDraft(
                                            "LetterGrade", "Final grade", List.of("A", "B+", "B", "C", "D", "F")),
                                    new Achievements.ResultDraft("Percent", "Exam score", List.of()))),
                    Fixtures.person(org.admin()));
            String[] result = stated.split("=");
            wallet.issue(
                    new WalletKit.Provider(org, achievement),
                    learner.email().value(),
                    List.of(new org.openler.platform.issuing.Issuance.StatedResult(result[0], result[1])));
            WalletKit.claim(web, wallet.claimToken(learner.email().value()));
            JsonNode match = json(web, "/me/matches?job=" + LEAD_JOB);
            scores.put(stated, match.path("score").asInt());
            if (stated.endsWith("=C")) {
                assertThat(match.path("gaps").get(0).path("kind").asString()).isEqualTo("level");
                assertThat(match.path("requirements").get(0).path("explanation").toString())
                        .contains("Welding Course", "level 3", "level 4");
            }
        }
        // docs/matching.md's table: B+ and 87% are level 4, C and 65% are 3 and 2; the lead welder asks level 4, so
        // verified evidence (1.0) counts held ÷ asked
        assertThat(scores)
                .containsExactly(
                        Map.entry("Final grade=B+", 100),
                        Map.entry("Exam score=87%", 100),
                        Map.entry("Final grade=C", 75),
                        Map.entry("Exam score=65", 50));
    }

    @Test
    void aPassMarkSetOnTheAchievementFormIsStoredAndAResultBelowItDoesNotMeetTheSkillItMeasures() {
        Fixtures.Org org = wallet.fixturesForTests().organization(Organization.Kind.PROVIDER);
        WebClient admin = WebClient.on(port);
        admin.signIn(org.admin().email().value(), Fixtures.PASSWORD);
        String path = "/orgs/" + org.slug();
        BiFunction<String, String, HttpResponse<String>> define = (name, passMark) -> admin.submit(
                path + "/achievements",
                path + "/achievements/new",
                Map.of(
                        "name", name,
                        "description", "Welds to code.",
                        "criteria", "Sat the written exam.",
                        "achievementType", "Course",
                        "alignments", WELDING + " use welding equipment",
                        "resultType", "Percent",
                        "resultName", "Exam score",
                        "resultPassMark", passMark));

        HttpResponse<String> wrong = define.apply("Welding Exam", "120");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body())
                .as("the form again, the mistake at its results and the pass mark as typed")
                .contains("id=\"results-error\"", "a number from 0 to 100", "value=\"120\"");
        assertThat(define.apply("Welding Exam, passed at 90", "90%").statusCode())
                .isEqualTo(302);
        assertThat(define.apply("Welding Exam", "").statusCode()).isEqualTo(302);
        Map<String, AchievementDefinition> stored = new HashMap<>();
        achievements.list(org.organization().id()).forEach(a -> stored.put(a.name(), a));
        assertThat(stored.get("Welding Exam, passed at 90").resultDescriptions())
                .singleElement()
                .satisfies(d -> assertThat(d.requiredValue()).hasValue("90"));
        assertThat(stored.get("Welding Exam").resultDescriptions())
                .singleElement()
                .satisfies(d -> assertThat(d.requiredValue()).isEmpty());

        // the same 87 % on each; the lead welder asks welding at level 4
        Map<String, JsonNode> matched = new LinkedHashMap<>();
        for (String name : List.of("Welding Exam", "Welding Exam, passed at 90")) {
            Account learner = wallet.fixturesForTests().learner();
            WebClient web = WalletKit.signedIn(port, learner);
            wallet.issue(
                    new WalletKit.Provider(org, stored.get(name)),
                    learner.email().value(),
                    List.of(new org.openler.platform.issuing.Issuance.StatedResult("Exam score", "87")));
            WalletKit.claim(web, wallet.claimToken(learner.email().value()));
            matched.put(name, json(web, "/me/matches?job=" + LEAD_JOB));
        }
        JsonNode without = matched.get("Welding Exam");
        JsonNode below = matched.get("Welding Exam, passed at 90");
        assertThat(without.path("requirements").get(0).path("met").asBoolean())
                .as("87 % is level 4 by the letter bands")
                .isTrue();
        assertThat(without.path("score").asInt()).isEqualTo(100);
        assertThat(below.path("requirements").get(0).path("met").asBoolean())
                .as("87 % is below the pass mark of 90: level 1")
                .isFalse();
        assertThat(below.path("score").asInt()).isEqualTo(25);
        assertThat(below.path("gaps").get(0).path("kind").asString()).isEqualTo("level");
    }

    @Test
    void jobsFromTheSeamAreListedByFitAndMatchedByTheirId() {
        WebClient web = aSignedInWelder();

        JsonNode jobs = json(web, "/me/jobs");
        assertThat(jobs.path("jobs").get(0).path("subject").path("id").asString())
                .isEqualTo(JOB.toString());
        assertThat(jobs.path("jobs").get(0).path("score").asInt()).isEqualTo(100);
        assertThat(jobs.path("occupations")).isNotEmpty();
        JsonNode match = json(web, "/me/matches?job=" + JOB);
        assertThat(match.path("score").asInt()).isEqualTo(100);
        assertThat(match.path("subject").path("by").asString()).isEqualTo("Harbour Fabrication");
    }

    @Test
    void theLearnersJobsComeAPageAtATimeInOneOrderWithLinksToTheOtherPagesAndBadPagingIsAProblem() {
        WebClient web = aSignedInWelder();
        HttpResponse<String> whole = web.get("/me/jobs?limit=100", "application/json");
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        JsonNode all = JSON.readTree(whole.body());
        int total = Integer.parseInt(whole.headers().firstValue("X-Total-Count").orElseThrow());
        assertThat(all.path("total").asInt()).isEqualTo(total).isGreaterThanOrEqualTo(3);
        List<String> ids = ids(all);
        assertThat(ids.subList(0, 3))
                .as("best fit first, then title, then id")
                .containsExactly(JOB.toString(), WEEKEND_A.toString(), WEEKEND_B.toString());

        List<String> walked = new ArrayList<>();
        String next = "/me/jobs?limit=2";
        for (int pages = 0; pages < 3 && next != null; pages++) {
            HttpResponse<String> page = web.get(next, "application/json");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(JSON.readTree(page.body()).path("jobs").size()).isLessThanOrEqualTo(2);
            walked.addAll(ids(JSON.readTree(page.body())));
            next = link(page, "next");
        }
        assertThat(walked).hasSizeGreaterThanOrEqualTo(3).isEqualTo(ids.subList(0, walked.size()));
        assertThat(link(web.get("/me/jobs?offset=2&limit=2", "application/json"), "prev"))
                .isEqualTo("/me/jobs?offset=0&limit=2");

        HttpResponse<String> html = web.get("/me/jobs?offset=1&limit=1", "text/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body())
                .contains("Jobs 2 to 2 of " + total)
                .contains("href=\"/me/jobs?limit=1\" rel=\"prev\"")
                .contains("href=\"/me/jobs?offset=2&amp;limit=1\" rel=\"next\"")
                .contains("Welder, weekend shift")
                .doesNotContain("Welder, night shift");

        assertProblem(web.get("/me/jobs?limit=0", "application/json"), 400, "invalid-input");
        assertProblem(web.get("/me/jobs?limit=101", "application/json"), 400, "invalid-input");
        assertProblem(web.get("/me/jobs?offset=-1", "application/json"), 400, "invalid-input");
        assertProblem(web.get("/me/jobs?offset=first", "application/json"), 400, "invalid-input");
    }

    private static List<String> ids(JsonNode jobs) {
        List<String> ids = new ArrayList<>();
        jobs.path("jobs").forEach(j -> ids.add(j.path("subject").path("id").asString()));
        return ids;
    }

    /** The path of a {@code Link} relation, or null when the answer has none. */
    private static @Nullable String link(HttpResponse<String> response, String relation) {
        for (String link : response.headers().firstValue("Link").orElse("").split(",\\s*")) {
            if (link.endsWith("rel=\"" + relation + "\"")) {
                String url = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
                return url.substring(url.indexOf("/me/jobs"));
            }
        }
        return null;
    }

    @Test
    void pathwaysFromAnOccupationProposeRelatedRolesThatKeepOrRaiseTheJobZone() {
        Account learner = wallet.fixturesForTests().learner();
        WebClient web = WalletKit.signedIn(port, learner);
        wallet.issuedAndClaimed(provider("Nursing Practice Certificate", top), learner, web);

        JsonNode pathways = json(web, "/me/pathways?from=" + NURSES + "&to=11-9111.00");

        assertThat(pathways.path("start").path("subject").path("id").asString()).isEqualTo(NURSES);
        assertThat(pathways.path("nextRoles")).isNotEmpty();
        for (JsonNode role : pathways.path("nextRoles")) {
            assertThat(role.path("jobZoneStep").asInt()).isGreaterThanOrEqualTo(0);
            assertThat(role.path("plan").path("economise").asString()).isEqualTo("time");
        }
        JsonNode route = pathways.path("route");
        assertThat(route).isNotEmpty();
        assertThat(route.get(route.size() - 1).path("subject").path("id").asString())
                .isEqualTo("11-9111.00");
    }

    @Test
    void theResumeAimedAtAJobShowsItsMatchAndTheCredentialThatMeetsItAndItsPdfCarriesTheCredentialToVerify()
            throws Exception {
        Account learner = wallet.fixturesForTests().learner();
        WebClient web = WalletKit.signedIn(port, learner);
        wallet.issuedAndClaimed(
                provider("Welding Basics", List.of(new TargetSkill(WELDING, "use welding equipment", 1.0, true, 0))),
                learner,
                web);

        HttpResponse<String> page = web.get("/wallet/resume?lang=en&target=job:" + JOB, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Welder, night shift (Harbour Fabrication): 100 % match")
                .contains("use welding equipment — verified by &quot;Welding Basics&quot;")
                .contains("/wallet/resume/pdf?target=job:" + JOB);

        byte[] bytes = download(web, "/wallet/resume/pdf?lang=en&target=job:" + JOB);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Target: Welder, night shift (Harbour Fabrication) — 100 % match")
                    .contains("use welding equipment — verified by \"Welding Basics\"")
                    .contains("Verify: attached file credential-1.json");
            var files = pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertThat(files).containsOnlyKeys("credential-1.json");
            byte[] attached = files.get("credential-1.json").getEmbeddedFile().toByteArray();
            JsonNode credential = JSON.readTree(new String(attached, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(credential
                            .path("credentialSubject")
                            .path("achievement")
                            .path("name")
                            .asString())
                    .isEqualTo("Welding Basics");
        }

        HttpResponse<String> unknown = web.get("/wallet/resume?lang=en&target=job:" + UUID.randomUUID(), "text/html");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("We cannot match that target");
    }

    private static byte[] download(WebClient web, String path) throws Exception {
        String url = web.base() + path;
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", web.cookieHeader(url))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    // --- helpers ---

    WalletKit.Provider provider(String name, List<TargetSkill> skills) {
        return wallet.provider(
                name,
                skills.stream()
                        .map(s -> WalletKit.competency(s.skillUri(), s.label()))
                        .toList());
    }

    static JsonNode json(WebClient web, String path) {
        HttpResponse<String> response = web.get(path, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("type").asString()).endsWith("/" + slug);
    }

    /** A learner who holds only a welding credential, signed in. */
    private WebClient aSignedInWelder() {
        Account learner = wallet.fixturesForTests().learner();
        WebClient web = WalletKit.signedIn(port, learner);
        wallet.issuedAndClaimed(
                provider(
                        "Welding Fundamentals", List.of(new TargetSkill(WELDING, "use welding equipment", 1, true, 0))),
                learner,
                web);
        return web;
    }
}
