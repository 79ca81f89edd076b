package org.openler.platform.skills.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.openler.platform.skills.Framework;
import org.openler.platform.skills.Frameworks;
import org.openler.platform.skills.ImportOutcome;
import org.openler.skills.sources.Bundle;
import org.openler.skills.sources.CrosswalkReader;
import org.openler.skills.sources.CustomFormat;
import org.openler.skills.sources.EscoReader;
import org.openler.skills.sources.FrameworkData;
import org.openler.skills.sources.NiceReader;
import org.openler.skills.sources.OnetReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The frameworks shipped in {@code openler-data}, in the order they load: O*NET, ESCO, the crosswalk between them
 * (which derives requirements for the O*NET occupations O*NET does not rate), NICE, and one sample each of a CASE
 * package and an RSD collection. Loading them again changes nothing.
 */
@Service
public class BundledFrameworks {

    private static final Logger log = LoggerFactory.getLogger(BundledFrameworks.class);

    /** The slug and version of each bundled framework whose version is fixed by the files (not the samples). */
    private static final Map<String, String[]> KNOWN = Map.of(
            "onet", new String[] {OnetReader.SLUG, OnetReader.VERSION},
            "esco", new String[] {EscoReader.SLUG, EscoReader.VERSION},
            "esco-onet-crosswalk", new String[] {CrosswalkReader.SLUG, CrosswalkReader.VERSION},
            "nice", new String[] {NiceReader.SLUG, "2.0.0"});

    private final FrameworkImports imports;
    private final Frameworks frameworks;

    BundledFrameworks(FrameworkImports imports, Frameworks frameworks) {
        this.imports = imports;
        this.frameworks = frameworks;
    }

    /** Every bundled framework by name, with its reader. */
    public static Map<String, Supplier<FrameworkData>> readers() {
        Map<String, Supplier<FrameworkData>> readers = new LinkedHashMap<>();
        readers.put("onet", OnetReader::read);
        readers.put("esco", EscoReader::read);
        readers.put("esco-onet-crosswalk", CrosswalkReader::read);
        readers.put("nice", NiceReader::read);
        // samples of the formats a state brings its own taxonomy in, so the demo shows one of each
        readers.put("case-sample", () -> sample(CustomFormat.CASE, "case/tests/_data/Ordering.json", ""));
        readers.put(
                "rsd-sample",
                () -> sample(CustomFormat.RSD, "rsd/test/api-test/api/v3/collections/{uuid}/get.json", ""));
        return readers;
    }

    private static FrameworkData sample(CustomFormat format, String path, String name) {
        return format.read(new Bundle().bytes(path), "openler-data: " + Bundle.DATA + path, name);
    }

    /** Loads every bundled framework (or finds it stored), logging progress; answers what each did. */
    public List<ImportOutcome> loadAll() {
        return loadAll(() -> false);
    }

    /**
     * As {@link #loadAll()}, but asks {@code stop} before each framework and, once it answers true (the application is
     * closing), loads no more: the framework being imported commits whole, the ones left load at the next start.
     * Without this a shutdown during a first demo start waited for every remaining framework (minutes, cut at the
     * loader's two-minute wait and then left running while the database closed).
     */
    public List<ImportOutcome> loadAll(BooleanSupplier stop) {
        List<ImportOutcome> outcomes = new ArrayList<>();
        Map<String, Supplier<FrameworkData>> readers = readers();
        int n = 0;
        for (var entry : readers.entrySet()) {
            if (stop.getAsBoolean()) {
                log.info("Stopping: skills frameworks {} to {} load at the next start", n + 1, readers.size());
                break;
            }
            n++;
            String[] known = KNOWN.get(entry.getKey());
            var stored = known == null ? Optional.<Framework>empty() : frameworks.find(known[0], known[1]);
            // a bundled version already stored is the same content (the files are part of the build): not read again
            ImportOutcome outcome =
                    stored.isPresent() ? new ImportOutcome.Unchanged(stored.get(), 0) : imports.load(entry.getValue());
            log.info(
                    "Skills frameworks {}/{}: {} {} {} ({} s)",
                    n,
                    readers.size(),
                    entry.getKey(),
                    outcome.framework().version(),
                    outcome instanceof ImportOutcome.Imported ? "imported" : "already stored",
                    String.format("%.1f", outcome.seconds()));
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
