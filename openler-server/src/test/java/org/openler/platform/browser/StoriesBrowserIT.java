package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.OpenLerApplication;
import org.openler.platform.demo.DemoShareLinks;
import org.openler.platform.support.DemoBesideTheSuite;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The source papers' four stories (docs/stories.md), each as one person's journey through the real pages of the demo
 * (./openler demo: H2 in PostgreSQL mode, the demo's own people, organizations, credentials, jobs and training, its
 * bundled ontology loaded in the background as on a first start). Each asserts what the person must see, saves
 * screenshots of the key steps to docs/screenshots/&lt;story&gt;-&lt;n&gt;.png, shows its main page in Spanish too, and
 * checks every page it visits with axe-core against WCAG 2.2 AA.
 */
@DemoBesideTheSuite
class StoriesBrowserIT extends ChromiumPages {

    static final String PASSWORD = "demo-password-1";
    static final Duration SEEDING = Duration.ofMinutes(12);

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext demo;
    static String demoBase;
    static JdbcClient jdbc;

    @BeforeAll
    static void startTheDemo() throws InterruptedException {
        // The demo's 1,000 synthetic candidates are created in the background while the stories run, each with a
        // password hash: at the production cost (16 MiB, two passes) that was about a minute of one of the two cores
        // the suite runs on. The test profile's cost (1 MiB, one pass) is used here; PasswordHashingTests keeps the
        // production cost, and every sign-in below still checks a real Argon2id hash.
        demo = new SpringApplicationBuilder(OpenLerApplication.class)
                .profiles("demo")
                .run(
                        "--server.port=0",
                        "--openler.data-dir=" + dataDir,
                        "--openler.security.password-hash.memory-kib=1024",
                        "--openler.security.password-hash.iterations=1");
        demoBase = "http://localhost:" + demo.getBean(Environment.class).getProperty("local.server.port");
        jdbc = demo.getBean(JdbcClient.class);
        // The stories' credentials and training come from Demo Community College, seeded once the bundled ontology
        // (O*NET, ESCO, the crosswalk) is stored: a few minutes on a first start.
        Instant until = Instant.now().plus(SEEDING);
        while (Instant.now().isBefore(until) && trainingPublished() < 10) {
            Thread.sleep(2000);
        }
        assertThat(trainingPublished())
                .as("Demo Community College's credentials and training, seeded after the ontology loaded")
                .isGreaterThanOrEqualTo(10);
    }

    private static long trainingPublished() {
        return jdbc.sql("select count(*) from registry_entry e join organization o on o.id = e.organization_id"
                        + " where o.slug = 'demo-community-college'")
                .query(Long.class)
                .single();
    }

    @AfterAll
    static void stopTheDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    AxeFindings findings;

    @BeforeEach
    void freshVisitor() {
        driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1200, 900));
        // axe-core on a long page (twenty candidate cards) outlasts the default 30 s on a loaded 2-core machine
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
        base = demoBase;
        open("/");
        driver.manage().deleteAllCookies();
        findings = new AxeFindings();
    }

    @Test
    void andreSeesHisVerifiedRecordAMedicalCodingMatchWithGapsAndPlanAndSharesItWithAnEmployerWhoVerifiesIt()
            throws Exception {
        String preloaded = preloadAxe();
        try {
            signInAsDemo("andre@demo.openler.org");
            open("/wallet?lang=en");
            String wallet = driver.findElement(By.id("credentials")).getText();
            assertThat(wallet)
                    .contains("Welding Fundamentals", "Demo University")
                    .contains("Health Records and Medical Terminology Certificate", "Demo Community College")
                    .contains("Verified");
            findings.checkHere("en", "Andre's wallet");
            shot("andre", 1);

            clickAndWait(driver.findElement(By.linkText("Health Records and Medical Terminology Certificate")));
            assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Verified");
            assertThat(driver.findElement(By.id("credential-content")).getText())
                    .contains("Medical terminology, health records", "Skills");
            findings.checkHere("en", "Andre's credential");
            shot("andre", 2);

            open("/wallet/skills?lang=en");
            assertThat(mainText()).contains("Welding Fundamentals", "Reading welding blueprints and symbols");
            assertThat(driver.findElements(By.cssSelector("[data-provenance=verified]")))
                    .as("skills with provenance: verified by a credential")
                    .isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("[data-provenance=self-asserted]")))
                    .as("and in his own words")
                    .isNotEmpty();
            findings.checkHere("en", "Andre's skills");
            shot("andre", 3);

            open("/me/jobs?lang=en");
            assertThat(driver.findElement(By.id("jobs")).getText()).contains("Medical Coding Specialist");
            findings.checkHere("en", "Andre's jobs");
            open("/me/matches?occupation=29-2072.00&lang=en");
            assertThat(heading()).isEqualTo("My match: Medical Records Specialists");
            int score = Integer.parseInt(
                    driver.findElement(By.id("score")).getText().replaceAll("[^0-9]", ""));
            assertThat(score).as("a strong but not perfect match").isBetween(50, 99);
            assertThat(driver.findElement(By.id("requirements")).getText())
                    .contains("Health Records and Medical Terminology Certificate", "Verified", "Missing");
            assertThat(driver.findElement(By.id("gaps")).getText()).isNotBlank();
            assertThat(driver.findElement(By.id("plan")).getText())
                    .as("training that closes his gaps, from the registry")
                    .containsAnyOf("Medical Coding Bootcamp", "Health Information Technology Certificate");
            findings.checkHere("en", "Andre's match");
            shot("andre", 4);
            findings.check("es", "/me/matches?occupation=29-2072.00", "Andre's match");
            assertThat(heading()).startsWith("Mi coincidencia");
            shot("andre", 5);

            String link = share(
                    "Health Records and Medical Terminology Certificate",
                    "Demo Employer HR",
                    "My application for the Medical Coding Specialist position");
            shot("andre", 6);
            employerOpens(link, "Health Records and Medical Terminology Certificate", "andre", 7);

            // what his credential links to opens for the employer too: the achievement and its issuer, as pages
            String achievement = "/orgs/demo-community-college/achievements/"
                    + jdbc.sql("select id from achievement where name = ?")
                            .param("Health Records and Medical Terminology Certificate")
                            .query(String.class)
                            .single();
            open(achievement + "?lang=en");
            assertThat(heading()).isEqualTo("Health Records and Medical Terminology Certificate");
            assertThat(driver.findElement(By.id("achievement-issuer")).getText())
                    .contains("Demo Community College");
            findings.checkHere("en", "the achievement's page");
            clickAndWait(driver.findElement(By.cssSelector("#achievement-issuer a")));
            assertThat(heading()).isEqualTo("Demo Community College");
            assertThat(driver.findElement(By.id("issuer-did")).getText()).startsWith("did:web:");
            findings.checkHere("en", "the issuer's profile");
            findings.check("es", achievement, "the achievement's page");

            // college credit: the articulation index lists his certificate; he asks, the college's rule awards it
            signInAsDemo("andre@demo.openler.org");
            open("/articulation?credential=Health+Records&lang=en");
            assertThat(driver.findElement(By.id("results-heading")).getText()).isNotBlank();
            assertThat(mainText()).contains("Health Records and Medical Terminology Certificate", "HIT 110");
            findings.checkHere("en", "the articulation index");
            shot("andre", 8);
            askForCredit("Health Records and Medical Terminology Certificate");
            assertThat(driver.findElement(By.id("credit-requests")).getText())
                    .as("his welding credit, awarded by the demo, and the one he just asked for")
                    .contains("Welding Fundamentals", "Health Records and Medical Terminology Certificate")
                    .contains("Awarded");
            findings.checkHere("en", "Andre's college credit");
            shot("andre", 9);
            findings.check("es", "/me/credit", "Andre's college credit");
            open("/wallet?lang=en");
            assertThat(driver.findElement(By.id("credentials")).getText())
                    .as("the college's credit credentials in his wallet")
                    .contains("WLD 110", "HIT 110");
        } finally {
            unloadAxe(preloaded);
        }
        assertAccessible("Andre");
    }

    @Test
    void izzyClaimsHerNewBadgeSeesHerVerifiedBadgesAndLetsEmployersFindHerAnonymously() throws Exception {
        String preloaded = preloadAxe();
        try {
            // her claim message waits in the demo's outbox: she follows its link
            open("/demo/outbox?lang=en");
            // every demo credential was mailed; only the one left unclaimed still opens
            String claimPath = null;
            List<String> messages = driver.findElements(By.cssSelector("article.message")).stream()
                    .map(WebElement::getText)
                    .toList();
            for (String message : messages) {
                Matcher claim =
                        Pattern.compile("(/wallet/claim/[A-Za-z0-9_-]+)").matcher(message);
                if (message.contains("izzy@demo.openler.org") && claim.find()) {
                    String candidate = claim.group(1);
                    open(candidate + "?lang=en");
                    if (mainText().contains("is waiting for you")) {
                        claimPath = candidate;
                        break;
                    }
                }
            }
            assertThat(claimPath)
                    .as("Izzy's open claim link in the demo outbox")
                    .isNotNull();
            signInAsDemo("izzy@demo.openler.org");
            open(claimPath + "?lang=en");
            assertThat(mainText()).contains("Demo University", "is waiting for you");
            findings.checkHere("en", "Izzy's claim");
            shot("izzy", 1);
            clickAndWait(driver.findElement(By.cssSelector("main form button[type=submit]")));

            open("/wallet?lang=en");
            String wallet = driver.findElement(By.id("credentials")).getText();
            assertThat(wallet)
                    .contains("Data Analytics Certificate", "Data Analysis with Python", "Welding Fundamentals")
                    .doesNotContain("Not verified");
            assertThat(driver.findElements(By.cssSelector("#credentials .status-verified")))
                    .hasSizeGreaterThanOrEqualTo(3);
            findings.checkHere("en", "Izzy's wallet");
            shot("izzy", 2);

            open("/me/pathways?from=15-2051.00&to=15-1212.00&lang=en");
            assertThat(driver.findElement(By.id("start")).getText()).contains("Data Scientists");
            findings.checkHere("en", "Izzy's pathways");
            shot("izzy", 3);

            // on the demo's H2 this save failed (an upsert only PostgreSQL reads) and the setting stayed off
            discoverable("anonymous");
            open("/me/talent?lang=en");
            assertThat(driver.findElement(By.cssSelector("input[name=mode][value=anonymous]"))
                            .isSelected())
                    .as("Izzy is findable, anonymously")
                    .isTrue();
            assertThat(driver.findElements(By.cssSelector("#discovery-form input[name=credential]:checked")))
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(mainText()).contains("Never your name");
            findings.checkHere("en", "Izzy's discovery setting");
            shot("izzy", 4);
            findings.check("es", "/me/talent", "Izzy's discovery setting");
            shot("izzy", 5);

            // Demo Employer searches from its data analyst job; among the anonymous cards is Izzy's
            driver.manage().deleteAllCookies();
            signInAsDemo("recruiter@demo.openler.org");
            String pseudonym = findIzzy();
            WebElement card = driver.findElement(
                    By.xpath("//article[contains(@class,'candidate')][.//h3[contains(., '" + pseudonym + "')]]"));
            assertThat(card.getText()).contains("% match").doesNotContain("Izzy", "Romero");
            assertThat(mainText()).doesNotContain("Izzy Romero").doesNotContain("izzy@demo.openler.org");
            findings.checkHere("en", "the employer's talent search");
            scrollTo(card);
            shot("izzy", 6);
            card.findElement(By.tagName("textarea"))
                    .sendKeys("Your analytics work fits our Data Analyst role. Would you apply?");
            clickAndWait(card.findElement(By.cssSelector("form.invite button")));
            assertThat(mainText()).contains("Invitation sent to " + pseudonym);

            // she sees who asks and why, accepts and chooses what to share: only then is her name revealed
            driver.manage().deleteAllCookies();
            signInAsDemo("izzy@demo.openler.org");
            open("/me/talent?lang=en");
            assertThat(mainText()).contains("Demo Employer", "Your analytics work fits our Data Analyst role.");
            WebElement accept = driver.findElement(
                    By.xpath("//form[contains(@action,'/invitations/') and contains(@action,'/accept')]"));
            accept.findElements(By.cssSelector("input[type=checkbox]")).stream()
                    .filter(box -> box.findElement(By.xpath("./..")).getText().contains("Data Analytics Certificate"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("her Data Analytics Certificate to share"))
                    .click();
            findings.checkHere("en", "Izzy's invitation");
            shot("izzy", 7);
            clickAndWait(accept.findElement(By.cssSelector("button[type=submit]")));
            assertThat(mainText()).contains("Saved.", "Accepted");

            driver.manage().deleteAllCookies();
            signInAsDemo("recruiter@demo.openler.org");
            open("/orgs/demo-employer/talent?lang=en");
            WebElement row = driver.findElements(By.cssSelector("#sent tr.invitation")).stream()
                    .filter(r -> r.getText().contains("Izzy Romero"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("Izzy's name, revealed once she accepted"));
            assertThat(row.getText()).contains("Accepted", "Data Analytics Certificate");
            // read before the Spanish check leaves the page (the row would be stale)
            String sharedWithEmployer =
                    row.findElement(By.cssSelector("a.share-link")).getAttribute("href");
            findings.checkHere("en", "the employer sees who accepted");
            scrollTo(row);
            shot("izzy", 8);
            findings.check("es", "/orgs/demo-employer/talent", "the employer sees who accepted");
            // in English again: the Spanish check above left the session's language at Spanish
            driver.get(sharedWithEmployer + (sharedWithEmployer.contains("?") ? "&" : "?") + "lang=en");
            assertThat(mainText()).contains("Data Analytics Certificate", "Verified");
        } finally {
            unloadAxe(preloaded);
        }
        assertAccessible("Izzy");
    }

    @Test
    void marcusSharesHisRetailAchievementsWithHisEmployerWhoSeesThemVerified() throws Exception {
        String preloaded = preloadAxe();
        try {
            signInAsDemo("marcus@demo.openler.org");
            open("/wallet?lang=en");
            assertThat(driver.findElement(By.id("credentials")).getText())
                    .contains("Retail Pathways: Department Manager", "Demo Community College")
                    .contains("Welding Fundamentals", "Data Analysis with Python");
            findings.checkHere("en", "Marcus's wallet");
            shot("marcus", 1);

            open("/wallet/shares?lang=en");
            assertThat(driver.findElement(By.id("shares")).getText())
                    .as("the share the demo made with Demo Employer, already seen once, of his retail credential")
                    .contains("Demo Employer HR")
                    .contains("Internal application: assistant store manager")
                    .contains("Retail Pathways: Department Manager");
            findings.checkHere("en", "Marcus's shares");
            findings.check("es", "/wallet/shares", "Marcus's shares");
            shot("marcus", 2);

            open("/me/matches?occupation=41-1011.00&lang=en");
            assertThat(heading()).isEqualTo("My match: First-Line Supervisors of Retail Sales Workers");
            assertThat(driver.findElement(By.id("requirements")).getText())
                    .contains("Retail Pathways: Department Manager", "Verified");
            findings.checkHere("en", "Marcus's match");
            shot("marcus", 3);

            String link = share(
                    "Retail Pathways: Department Manager",
                    "Demo Employer HR",
                    "Internal application: Assistant Manager");
            employerOpens(link, "Retail Pathways: Department Manager", "marcus", 4);

            // he lets his employer (only) find him by name, with his credentials
            signInAsDemo("marcus@demo.openler.org");
            discoverable("internal");
            assertThat(mainText()).contains("Demo Employer");
            findings.checkHere("en", "Marcus's discovery setting");

            // Demo Employer's internal search from its retail manager job finds him, by name, his credential verified
            driver.manage().deleteAllCookies();
            signInAsDemo("recruiter@demo.openler.org");
            open("/orgs/demo-employer/talent?lang=en");
            new Select(driver.findElement(By.id("job"))).selectByVisibleText("Retail Department Manager");
            clickAndWait(driver.findElement(By.id("search-internal-by-job")));
            WebElement employee = driver.findElements(By.cssSelector("article.employee")).stream()
                    .filter(e -> e.getText().contains("Marcus Lee"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("Marcus in the internal search: " + mainText()));
            assertThat(employee.getText()).contains("% match").contains("verified");
            findings.checkHere("en", "the employer's internal search");
            scrollTo(employee);
            shot("marcus", 5);

            // the demo's own share of his retail credential is aimed at Demo Employer's retail manager job (once the
            // demo jobs are seeded): whoever opens the link sees the credential's fit to the job
            String job = DemoShareLinks.job();
            Instant until = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(until) && demoShareTarget().isEmpty()) {
                Thread.sleep(1000);
            }
            String jobId = demoShareTarget().orElseThrow(() -> new AssertionError("the demo share has no job"));
            assertThat(jdbc.sql("select title from job where id = ?")
                            .param(java.util.UUID.fromString(jobId))
                            .query(String.class)
                            .single())
                    .isEqualTo(job);
            driver.manage().deleteAllCookies();
            String token = DemoShareLinks.token(demo).orElseThrow();
            open("/share/" + token + "?lang=en");
            assertThat(driver.findElement(By.id("fit-heading")).getText()).isEqualTo("Fit to " + job);
            assertThat(driver.findElement(By.id("fit-score")).getText()).matches("\\d+ % match");
            assertThat(driver.findElement(By.id("fit")).getText()).contains("Retail Pathways: Department Manager");
            findings.checkHere("en", "the fit of the demo share to the job");
            scrollTo(driver.findElement(By.id("fit")));
            shot("marcus", 6);

            // the job itself: the recruiter's page (requirements, levels, the description) and the public page
            signInAsDemo("recruiter@demo.openler.org");
            open("/orgs/demo-employer/jobs/" + jobId + "?lang=en");
            assertThat(heading()).isEqualTo(job);
            assertThat(mainText()).contains("First-Line Supervisors of Retail Sales Workers");
            findings.checkHere("en", "the employer's job page");
            shot("marcus", 7);
            driver.manage().deleteAllCookies();
            open("/jobs/" + jobId + "?lang=en");
            assertThat(heading()).isEqualTo(job);
            assertThat(mainText()).contains("Demo Employer");
            findings.checkHere("en", "the public job page");
            shot("marcus", 8);
        } finally {
            unloadAxe(preloaded);
        }
        assertAccessible("Marcus");
    }

    @Test
    void claireSeesHerNursingLicenceVerifiedHerNextRoleAndAnEmployerVerifiesHerInOneStep() throws Exception {
        String preloaded = preloadAxe();
        try {
            signInAsDemo("claire@demo.openler.org");
            open("/wallet?lang=en");
            assertThat(driver.findElement(By.id("credentials")).getText())
                    .contains("Registered Nurse (RN) Licensure", "Demo Community College", "Verified");
            findings.checkHere("en", "Claire's wallet");
            shot("claire", 1);

            clickAndWait(driver.findElement(By.linkText("Registered Nurse (RN) Licensure")));
            assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Verified");
            assertThat(driver.findElement(By.id("credential-content")).getText())
                    .contains("NCLEX-RN", "Skills");
            findings.checkHere("en", "Claire's licence");
            shot("claire", 2);

            open("/me/matches?occupation=29-1141.00&lang=en");
            assertThat(heading()).isEqualTo("My match: Registered Nurses");
            int score = Integer.parseInt(
                    driver.findElement(By.id("score")).getText().replaceAll("[^0-9]", ""));
            assertThat(score).isBetween(70, 100);
            findings.checkHere("en", "Claire's match");

            open("/me/pathways?from=29-1141.00&to=11-9111.00&lang=en");
            assertThat(driver.findElement(By.id("next-roles")).getText()).isNotBlank();
            assertThat(driver.findElement(By.id("route")).getText()).contains("Medical and Health Services Managers");
            findings.checkHere("en", "Claire's pathways");
            shot("claire", 3);
            findings.check("es", "/me/pathways?from=29-1141.00&to=11-9111.00", "Claire's pathways");

            open("/me/matches?occupation=11-9111.00&lang=en");
            assertThat(driver.findElement(By.id("plan")).getText())
                    .as("the registry's training toward nurse management")
                    .containsAnyOf("Healthcare Management Micro-credential", "Health Care Finance and Budgeting");
            findings.checkHere("en", "Claire's next role");
            shot("claire", 4);

            String link = share(
                    "Registered Nurse (RN) Licensure", "Demo Employer HR", "Application: Head Nurse, Medical/Surgical");
            employerOpens(link, "Registered Nurse (RN) Licensure", "claire", 5);

            // the recruiter keeps the file the share page offers, and checks it again later on /verify
            String file = new org.openler.platform.support.WebClient(demoBase)
                    .get(URI.create(link).getRawPath() + "/presentation", "application/json")
                    .body();
            open("/verify?lang=en");
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("document.getElementById('json').value = arguments[0];", file);
            clickAndWait(driver.findElement(By.cssSelector("main form.stack button[type=submit]")));
            assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Verified");
            assertThat(driver.findElement(By.id("presentation-summary")).getText())
                    .contains("the signature verifies, and so do the 1 credential(s) it carries");
            assertThat(driver.findElement(By.id("carried-credential-0")).getText())
                    .contains("Registered Nurse (RN) Licensure", "NCLEX-RN", "Verified");
            findings.checkHere("en", "the recruiter verifies the presentation file");
            shot("claire", 6);

            // prior credit: her licence earns credit toward the college's healthcare management courses
            signInAsDemo("claire@demo.openler.org");
            open("/articulation?credential=Registered+Nurse&lang=en");
            assertThat(mainText()).contains("Registered Nurse (RN) Licensure", "HCM 101");
            findings.checkHere("en", "the articulation index for her licence");
            askForCredit("Registered Nurse (RN) Licensure");
            assertThat(driver.findElement(By.id("credit-requests")).getText())
                    .contains("Registered Nurse (RN) Licensure", "Awarded");
            findings.checkHere("en", "Claire's college credit");
            shot("claire", 7);
            findings.check("es", "/me/credit", "Claire's college credit");
            open("/wallet?lang=en");
            assertThat(driver.findElement(By.id("credentials")).getText()).contains("HCM 101");
        } finally {
            unloadAxe(preloaded);
        }
        assertAccessible("Claire");
    }

    /** Shares one held credential from the shares page; answers the link. */
    private String share(String credential, String party, String purpose) {
        open("/wallet/shares?lang=en");
        WebElement pick = driver.findElements(By.cssSelector("#new-share label")).stream()
                .filter(l -> l.getText().contains(credential))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + credential + " to share"));
        pick.click();
        type("party", party);
        type("purpose", purpose);
        submitMainForm();
        assertThat(path()).startsWith("/wallet/shares/");
        assertThat(mainText()).contains(party, purpose);
        findings.checkHere("en", "a share just made");
        return driver.findElement(By.id("share-link")).getText();
    }

    /** The employer, not signed in, opens the link: one step, and the credential's content with its checks. */
    private void employerOpens(String link, String credential, String story, int shot) throws IOException {
        driver.manage().deleteAllCookies();
        String linkPath = URI.create(link).getRawPath();
        open(linkPath + "?lang=en");
        assertThat(heading()).isEqualTo("Shared credentials");
        assertThat(driver.findElements(By.cssSelector("section.result.verified")))
                .as("the holder's signature verified")
                .hasSize(1);
        assertThat(mainText()).contains(credential, "Verified");
        assertThat(driver.findElements(By.cssSelector(".credential-check .status-not-verified, .status-failed")))
                .isEmpty();
        findings.checkHere("en", "the employer opens the share");
        shot(story, shot);
        findings.check("es", linkPath, "the employer opens the share");
    }

    /** Asks, on the learner's credit page, for the credit one of their credentials earns; an automatic rule awards it. */
    private void askForCredit(String credential) {
        open("/me/credit?lang=en");
        WebElement offer = driver.findElements(By.cssSelector("li.credit-offer")).stream()
                .filter(o -> o.getText().contains(credential))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no credit offer for " + credential + ": " + mainText()));
        clickAndWait(offer.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(driver.findElement(By.id("credit-notice")).getText())
                .isEqualTo("Credit awarded: the college's credential is in your wallet.");
    }

    /**
     * The recruiter searches from the data analyst job, page after page, until Izzy's anonymous card is shown; answers
     * her pseudonym (read from what the search recorded it showed, which only the platform can link to her). Waits
     * while the demo's synthetic candidates are still too few to answer.
     */
    private String findIzzy() throws InterruptedException {
        String talent = "/orgs/demo-employer/talent";
        Instant until = Instant.now().plus(Duration.ofMinutes(6));
        int page = 0;
        while (true) {
            open(talent + "?lang=en");
            new Select(driver.findElement(By.id("job"))).selectByVisibleText("Data Analyst – Workforce Insights");
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript(
                            "var p = document.createElement('input'); p.type = 'hidden'; p.name = 'page';"
                                    + " p.value = arguments[0]; document.getElementById('search-job').appendChild(p);",
                            String.valueOf(page));
            clickAndWait(driver.findElement(By.id("search-by-job")));
            if (!driver.findElements(By.id("too-few")).isEmpty()
                    || !driver.findElements(By.cssSelector("main div.notice.error"))
                            .isEmpty()) {
                assertThat(Instant.now()).as("enough demo candidates to search").isBefore(until);
                Thread.sleep(10_000);
                page = 0;
                continue;
            }
            List<String> shown = driver.findElements(By.cssSelector("article.candidate h3")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(shown)
                    .as("page " + page + " of the search has candidates")
                    .isNotEmpty();
            List<String> izzy = jdbc.sql("select a.pseudonym from talent_appearance a join account p on p.id ="
                            + " a.account_id join organization o on o.id = a.organization_id"
                            + " where p.email = 'izzy@demo.openler.org' and o.slug = 'demo-employer'")
                    .query(String.class)
                    .list();
            for (String pseudonym : izzy) {
                if (shown.stream().anyMatch(h -> h.contains(pseudonym))) {
                    return pseudonym;
                }
            }
            page++;
            assertThat(page)
                    .as("Izzy among the first pages of candidates for the data analyst job")
                    .isLessThan(15);
        }
    }

    /** The screenshot shows what the step is about, not the top of a long page. */
    private void scrollTo(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", element);
    }

    /** On the learner's talent page: the discovery mode chosen, every credential made searchable, and saved. */
    private void discoverable(String mode) {
        open("/me/talent?lang=en");
        driver.findElement(By.cssSelector("input[name=mode][value=" + mode + "]"))
                .click();
        for (WebElement box : driver.findElements(By.cssSelector("#discovery-form input[name=credential]"))) {
            if (!box.isSelected()) {
                box.click();
            }
        }
        clickAndWait(driver.findElement(By.cssSelector("#discovery-form button[type=submit]")));
        assertThat(driver.findElement(By.cssSelector("main div.notice[role=status]"))
                        .getText())
                .as("the setting is saved")
                .isEqualTo("Saved.");
    }

    /** The job the demo's share of Marcus's is aimed at, once it is. */
    private static java.util.Optional<String> demoShareTarget() {
        return jdbc.sql("select target_ref from credential_share where party = 'Demo Employer HR' and purpose ="
                        + " 'Internal application: assistant store manager' and revoked_at is null and target_kind ="
                        + " 'job'")
                .query(String.class)
                .optional();
    }

    private void signInAsDemo(String email) {
        open("/login?lang=en");
        type("email", email);
        type("password", PASSWORD);
        submitMainForm();
        assertThat(path()).isNotEqualTo("/login");
    }

    private void assertAccessible(String story) {
        System.out.printf(
                "axe-core checked %d pages of %s's story: %d serious or critical, %d moderate or minor%n%s%n",
                findings.pages,
                story,
                findings.blocking.size(),
                findings.other.size(),
                String.join("\n", findings.other));
        assertThat(findings.blocking)
                .as("serious or critical WCAG 2.2 AA violations (axe-core)")
                .isEmpty();
    }

    /** docs/screenshots/&lt;story&gt;-&lt;n&gt;.png, 1200 pixels wide, the page as the person sees it. */
    private void shot(String story, int n) throws IOException {
        Path docs = Files.isDirectory(Path.of("docs")) ? Path.of("docs") : Path.of("..", "docs");
        Path dir = docs.resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(story + "-" + n + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
