package org.openler.platform.skills.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.skills.ImportOutcome;
import org.openler.skills.sources.CustomFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads frameworks at start-up as {@link SkillsProperties} says: the bundled ones (demo mode), then the named files.
 * In the background by default, so the web server opens at once and the log shows progress; a framework already
 * stored is found without being read again, so later starts cost next to nothing. A file that cannot be imported is
 * logged with the reason and changes nothing; with {@code exit-after-import} it makes the process exit with 1.
 *
 * <p>At shutdown the loader is asked to stop between two files and waited for, never interrupted: an interrupt inside
 * H2's file I/O closes the database.
 */
@Component
@Order(100) // after the demo's people and organizations
class SkillsStartup implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SkillsStartup.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(2);

    private final SkillsProperties properties;
    private final BundledFrameworks bundled;
    private final FrameworkImports imports;
    private final ConfigurableApplicationContext context;
    private volatile boolean stopping;
    private volatile @Nullable Thread loader;

    SkillsStartup(
            SkillsProperties properties,
            BundledFrameworks bundled,
            FrameworkImports imports,
            ConfigurableApplicationContext context) {
        this.properties = properties;
        this.bundled = bundled;
        this.imports = imports;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.loadBundled() && properties.imports().isEmpty()) {
            return;
        }
        if (properties.background() && !properties.exitAfterImport()) {
            // A platform thread, not a virtual one: the loader reads the bundled files through the executable jar's
            // lock for minutes. As a virtual thread it could find no carrier while both carriers of a 2-CPU machine
            // were pinned by virtual threads waiting for that same lock inside a class initializer: the demo hung at
            // start-up for good (found by the soak run, docs/resilience.md).
            loader = Thread.ofPlatform().name("skills-loader").daemon(true).start(this::load);
        } else {
            boolean ok = load();
            if (properties.exitAfterImport()) {
                int code = SpringApplication.exit(context, () -> ok ? 0 : 1);
                System.exit(code);
            }
        }
    }

    /** Loads everything asked for; answers whether every file went in. */
    boolean load() {
        long start = System.nanoTime();
        boolean ok = true;
        try {
            if (properties.loadBundled()) {
                log.info("Loading the bundled skills frameworks (O*NET, ESCO, crosswalk, NICE, samples)…");
                bundled.loadAll(() -> stopping);
            }
        } catch (RuntimeException e) {
            ok = false;
            log.error("Loading the bundled skills frameworks failed", e);
        }
        for (String spec : properties.imports()) {
            if (stopping) {
                log.info("Stopping: the remaining framework files are not imported");
                return false;
            }
            ok &= importFile(spec);
        }
        if (stopping) {
            return false;
        }
        log.info("Skills frameworks ready in {} s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return ok;
    }

    /** Waits for a background load to finish the file it is in (its transaction commits or rolls back whole). */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        Thread running = loader;
        if (running != null && !running.join(SHUTDOWN_WAIT)) {
            log.warn("The skills loader is still busy after {}; left to end with the process", SHUTDOWN_WAIT);
        }
    }

    private boolean importFile(String spec) {
        List<String> parts = new ArrayList<>(List.of(spec.split(":", 3)));
        var format = parts.size() >= 2 ? CustomFormat.of(parts.getFirst()) : Optional.<CustomFormat>empty();
        if (format.isEmpty()) {
            log.error(
                    "openler.skills.imports: \"{}\" is not format:path[:name] with a format of case, ctdl-asn, rsd, rsd-csv",
                    spec);
            return false;
        }
        Path path = Path.of(parts.get(1));
        String name =
                parts.size() == 3 ? parts.get(2) : path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try {
            byte[] bytes = Files.readAllBytes(path);
            ImportOutcome outcome = imports.load(() -> format.get().read(bytes, "file: " + path.getFileName(), name));
            log.info(
                    "{} {} {} from {}",
                    outcome instanceof ImportOutcome.Imported ? "Imported" : "Already stored:",
                    outcome.framework().slug(),
                    outcome.framework().version(),
                    path.getFileName());
            return true;
        } catch (IOException e) {
            log.error("Cannot read {}: {}", path, e.getMessage());
        } catch (PlatformException e) {
            log.error("Not imported, nothing changed: {}: {}", path.getFileName(), e.detail());
        }
        return false;
    }
}
