package org.openler.platform.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * O*NET 29.3's task statements and detailed work activities (DWAs) of an occupation, for the job page: what the work
 * involves, in O*NET's words. Read from openler-data's {@code Task Statements} and {@code Tasks to DWAs} files once, on
 * first use (about 18,000 tasks and 23,000 task–DWA links; a few MB in memory); core tasks before supplemental ones,
 * each list in the file's order.
 */
@Component
class OnetTasks {

    static final String TASKS = "/org/openler/data/onet/text/Task Statements.txt.gz";
    static final String DWAS = "/org/openler/data/onet/converted-from-xlsx/Tasks to DWAs.txt.gz";

    /** At most this many tasks and this many DWAs shown per job. */
    static final int SHOWN = 8;

    /** An occupation's work: tasks (core first) and its distinct detailed work activities. */
    public record Work(List<String> tasks, List<String> activities) {

        static final Work NONE = new Work(List.of(), List.of());

        public boolean isEmpty() {
            return tasks.isEmpty() && activities.isEmpty();
        }
    }

    private volatile @Nullable Map<String, Work> byCode;

    /** The occupation's work, cut to {@value #SHOWN} of each; nothing for a code O*NET lists no tasks for. */
    Work of(String onetCode) {
        Work all = index().getOrDefault(onetCode, Work.NONE);
        return new Work(
                all.tasks().subList(0, Math.min(SHOWN, all.tasks().size())),
                all.activities().subList(0, Math.min(SHOWN, all.activities().size())));
    }

    private Map<String, Work> index() {
        Map<String, Work> current = byCode;
        if (current == null) {
            synchronized (this) {
                current = byCode;
                if (current == null) {
                    current = load();
                    byCode = current;
                }
            }
        }
        return current;
    }

    private static Map<String, Work> load() {
        Map<String, List<String>> core = new HashMap<>();
        Map<String, List<String>> supplemental = new HashMap<>();
        for (String[] row : rows(TASKS)) {
            if (row.length >= 5) {
                (row[4].equals("Core") ? core : supplemental)
                        .computeIfAbsent(row[0], k -> new ArrayList<>())
                        .add(row[3].strip());
            }
        }
        Map<String, Set<String>> activities = new HashMap<>();
        for (String[] row : rows(DWAS)) {
            if (row.length >= 6) {
                activities.computeIfAbsent(row[0], k -> new LinkedHashSet<>()).add(row[5].strip());
            }
        }
        Set<String> codes = new LinkedHashSet<>(core.keySet());
        codes.addAll(supplemental.keySet());
        codes.addAll(activities.keySet());
        Map<String, Work> out = new HashMap<>();
        for (String code : codes) {
            List<String> tasks = new ArrayList<>(core.getOrDefault(code, List.of()));
            tasks.addAll(supplemental.getOrDefault(code, List.of()));
            out.put(code, new Work(List.copyOf(tasks), List.copyOf(activities.getOrDefault(code, Set.of()))));
        }
        return Map.copyOf(out);
    }

    /** A tab-separated O*NET file of openler-data (gzipped or not), without its header. */
    static List<String[]> rows(String resource) {
        try (InputStream in = OnetTasks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("openler-data is not on the class path: " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(
                    resource.endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
            lines.readLine(); // the header
            List<String[]> rows = new ArrayList<>();
            for (String line; (line = lines.readLine()) != null; ) {
                rows.add(line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
