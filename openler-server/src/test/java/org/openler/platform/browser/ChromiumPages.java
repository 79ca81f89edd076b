package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openler.platform.support.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test class shares: one headless Chromium per class (started while Spring starts the platform),
 * page helpers, and axe-core checks against WCAG 2.2 AA that file findings by impact.
 */
abstract class ChromiumPages {

    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final List<String> LANGUAGES = List.of("en", "es");
    static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Duration POLL = Duration.ofMillis(25);

    /**
     * Each class's own Chromium, by class: the demo's stories run beside the other browser classes (on a thread of
     * their own, docs/resilience.md), so one static browser for all would be shared by two classes at once.
     */
    private static final Map<Class<?>, HeadlessChromium> BROWSERS = new ConcurrentHashMap<>();

    HeadlessChromium browser;
    ChromeDriver driver;

    String base;

    @BeforeAll
    static void startBrowser(TestInfo test) {
        BROWSERS.put(test.getTestClass().orElseThrow(), HeadlessChromium.start());
    }

    @AfterAll
    static void stopBrowser(TestInfo test) throws IOException {
        HeadlessChromium browser = BROWSERS.remove(test.getTestClass().orElseThrow());
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void thisClassesBrowser() {
        browser = BROWSERS.get(getClass());
    }

    /** Runs axe on pages and files what it finds by impact; also checks each page is in the language asked for. */
    final class AxeFindings {
        final List<String> blocking = new ArrayList<>();
        final List<String> other = new ArrayList<>();
        int pages;

        void check(String lang, String path, String name) {
            open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
            checkHere(lang, name);
        }

        void checkHere(String lang, String name) {
            assertThat(htmlLang()).as("language of %s (%s)", name, path()).isEqualTo(lang);
            Results results = axe(AxeInjection.PRELOADED);
            assertThat(results.isErrored())
                    .as("axe failed on %s: %s", name, results.getErrorMessage())
                    .isFalse();
            assertThat(results.getPasses()).as("axe checked %s", name).isNotEmpty();
            for (Rule rule : results.getViolations()) {
                String finding = "[%s] %s (%s): %s %s — %s"
                        .formatted(
                                lang,
                                name,
                                path(),
                                rule.getId(),
                                rule.getImpact(),
                                rule.getNodes().stream()
                                        .map(node -> String.valueOf(node.getTarget()))
                                        .toList());
                (BLOCKING_IMPACTS.contains(rule.getImpact()) ? blocking : other).add(finding);
            }
            pages++;
        }

        /** Prints what was found and fails on any serious or critical finding. */
        void report(String what) {
            System.out.printf(
                    "axe-core checked %d %s: %d serious or critical, %d moderate or minor findings%n%s%n",
                    pages, what, blocking.size(), other.size(), String.join("\n", other));
            assertThat(blocking)
                    .as("serious or critical WCAG 2.2 AA violations (axe-core)")
                    .isEmpty();
        }
    }

    /** How axe-core gets into the page: sent by AxeBuilder with each check, or registered once for every page. */
    enum AxeInjection {
        EXECUTE_SCRIPT,
        PRELOADED
    }

    /**
     * axe-core over WCAG 2.2 AA. It runs in the page (legacy mode: these pages have no frames, and it saves opening a
     * second window per check); only violations come back with their nodes, which keeps each check quick.
     */
    Results axe(AxeInjection injection) {
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(WCAG_22_AA);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(only);
        options.setResultTypes(List.of("violations"));
        AxeBuilder builder =
                new AxeBuilder().withOptions(options).disableIframeTesting().setLegacyMode(true);
        if (injection == AxeInjection.PRELOADED) {
            builder.setInjectAxe(null, false);
        }
        return builder.analyze(driver);
    }

    /**
     * Registers AxeBuilder's own axe-core script to run at the start of every new page (DevTools
     * Page.addScriptToEvaluateOnNewDocument, which the page's CSP does not apply to). Sending the 560 kB script over
     * WebDriver for each check costs seconds; this costs nothing per check.
     */
    String preloadAxe() throws Exception {
        String script = new EmbeddedResourceAxeProvider().getScript();
        Map<String, Object> added = driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", Map.<String, Object>of("source", script));
        return String.valueOf(added.get("identifier"));
    }

    void unloadAxe(String identifier) {
        driver.executeCdpCommand(
                "Page.removeScriptToEvaluateOnNewDocument", Map.<String, Object>of("identifier", identifier));
    }

    void open(String path) {
        driver.get(base + path);
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void submitMainForm() {
        clickAndWait(driver.findElement(By.cssSelector("main form.stack button[type=submit]")));
    }

    /** Clicks and waits until the next page has replaced this one. */
    void clickAndWait(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, WAIT, POLL);
        // Chromium sometimes reports the old page's node as "does not belong to the document" (an inspector error)
        // instead of as stale; both mean the next page has replaced it.
        wait.until(d -> {
            try {
                return ExpectedConditions.stalenessOf(page).apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                return String.valueOf(e.getMessage()).contains("does not belong to the document");
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    String htmlLang() {
        String lang = driver.findElement(By.tagName("html")).getAttribute("lang");
        return lang == null ? "" : lang;
    }

    /** A session of this test's own: the class's browser pointed at the server on this port, without cookies. */
    void freshSession(int port) {
        driver = browser.driver();
        base = "http://localhost:" + port;
        open("/");
        driver.manage().deleteAllCookies();
    }

    /** Signs in on the English login page with the fixtures' password, and checks it was accepted. */
    void signIn(String email) {
        open("/login?lang=en");
        type("email", email);
        type("password", Fixtures.PASSWORD);
        submitMainForm();
        assertThat(path()).as("signed in").doesNotContain("error");
    }
}
