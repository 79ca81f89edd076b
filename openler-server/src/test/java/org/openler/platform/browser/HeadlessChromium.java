package org.openler.platform.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: nothing is downloaded. It starts in the background
 * (so it overlaps with the platform's start), with a fresh profile that is deleted at the end. The flags keep it off
 * the network: this machine's closed network refuses the background connections Chromium would otherwise make.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration WAIT = Duration.ofSeconds(15);

    private final Path profile;
    private final CompletableFuture<ChromeDriver> browser;

    private HeadlessChromium(Path profile) {
        this.profile = profile;
        this.browser = CompletableFuture.supplyAsync(this::launch);
    }

    static HeadlessChromium start() {
        try {
            return new HeadlessChromium(Files.createTempDirectory("openler-chromium-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The driver, once Chromium is up. */
    ChromeDriver driver() {
        return browser.join();
    }

    private ChromeDriver launch() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return chrome;
    }

    @Override
    public void close() throws IOException {
        browser.thenAccept(ChromeDriver::quit).exceptionally(failed -> null).join();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
