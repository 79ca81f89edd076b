package org.openler.platform.jobs;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * O*NET 29.3's detailed work activities (DWAs) as requirements can name them: each DWA's title, its generalized work
 * activity (GWA, the Content Model element 4.A… it sits under), the occupations' tasks linked to it, the O*NET skill
 * elements "Skills to Work Activities" links to its GWA, and the ESCO skills that name it (which is how a learner's
 * record can reach it). Read from
 * openler-data once, on first use; O*NET gives no importance ratings for tasks or work activities in these files, so
 * none are assumed.
 *
 * <p>A DWA is named by O*NET's element id in the same URI form as the other O*NET elements ({@link #BASE}, e.g.
 * {@code …/4.A.2.a.4.I09.D03}): stable across versions as long as O*NET keeps the id, and never confused with a skill
 * (the ids of skills and knowledge start 2.A, 2.B, 2.C).
 */
@Component
class WorkActivities {

    static final String BASE = "https://www.onetonline.org/find/descriptor/result/";
    static final String REFERENCE = "/org/openler/data/onet/text/DWA Reference.txt.gz";
    static final String SKILL_LINKS = "/org/openler/data/onet/text/Skills to Work Activities.txt";
    static final String ELEMENTS = "/org/openler/data/onet/text/Content Model Reference.txt";
    /** DWAs to the ESCO skills that name them (scripts/generate-dwa-esco-links.py, openler-data's NOTICE.md). */
    static final String ESCO_LINKS = "/org/openler/data/onet/derived/dwa-esco-skills.tsv";

    private static final Pattern DWA_ID = Pattern.compile("^4\\.A(\\.[0-9a-z]+)+\\.I\\d+\\.D\\d+$");

    /** A skill that reaches a work activity: its URI and name. */
    record Skill(URI uri, String name) {}

    /**
     * A DWA: its id and title, its GWA's id and name, the O*NET skills linked to that GWA, and the ESCO skills that
     * name the DWA itself (the skill mapper's reading of its title, kept only where ESCO lists the skill for an
     * occupation that does the work).
     */
    record Activity(String id, String title, String gwa, String gwaName, List<Skill> skills, List<Skill> esco) {

        Activity(String id, String title, String gwa, String gwaName, List<Skill> skills) {
            this(id, title, gwa, gwaName, skills, List.of());
        }

        /** Every skill a learner's record can reach this activity through. */
        List<Skill> reachedThrough() {
            List<Skill> all = new ArrayList<>(skills);
            all.addAll(esco);
            return List.copyOf(all);
        }

        URI uri() {
            return URI.create(BASE + id);
        }

        URI gwaUri() {
            return URI.create(BASE + gwa);
        }
    }

    /** One task of an occupation linked to a DWA: core (or unmarked), else supplemental. */
    record TaskLink(String task, boolean core) {}

    /** An occupation's DWAs, each with the tasks linked to it, in the file's order. */
    record Work(Map<Activity, List<TaskLink>> byActivity) {

        static final Work NONE = new Work(Map.of());
    }

    private record Index(Map<String, Activity> activities, Map<String, Work> byOccupation) {}

    private volatile @Nullable Index index;

    /**
     * Reads the files once the application is up, off the request path: about 2.5 s on the loaded 2-core build
     * machine, which the first draft after a restart would otherwise wait for. A draft that comes sooner waits for
     * this read rather than starting another.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warm() {
        Thread.ofVirtual().name("onet-work-activities").start(this::index);
    }

    /** The DWA a URI names, if it names one. */
    Optional<Activity> byUri(URI uri) {
        String s = uri.toString();
        if (!s.startsWith(BASE)) {
            return Optional.empty();
        }
        String id = s.substring(BASE.length());
        return DWA_ID.matcher(id).matches()
                ? Optional.ofNullable(index().activities().get(id))
                : Optional.empty();
    }

    /** Every DWA O*NET 29.3 lists. */
    Collection<Activity> all() {
        return index().activities().values();
    }

    /** The occupation's tasks and DWAs; nothing for a code O*NET lists no tasks for. */
    Work of(String onetCode) {
        return index().byOccupation().getOrDefault(onetCode, Work.NONE);
    }

    private Index index() {
        Index current = index;
        if (current == null) {
            synchronized (this) {
                current = index;
                if (current == null) {
                    current = load();
                    index = current;
                }
            }
        }
        return current;
    }

    private static Index load() {
        Map<String, String> names = new HashMap<>();
        for (String[] row : OnetTasks.rows(ELEMENTS)) {
            if (row.length >= 2) {
                names.put(row[0].strip(), row[1].strip());
            }
        }
        Map<String, List<Skill>> skillsOfGwa = new HashMap<>();
        for (String[] row : OnetTasks.rows(SKILL_LINKS)) {
            if (row.length >= 3) {
                skillsOfGwa
                        .computeIfAbsent(row[2].strip(), k -> new ArrayList<>())
                        .add(new Skill(
                                URI.create(BASE + row[0].strip()), names.getOrDefault(row[0].strip(), row[1].strip())));
            }
        }
        Map<String, List<Skill>> escoOfDwa = new HashMap<>();
        for (String[] row : OnetTasks.rows(ESCO_LINKS)) {
            if (row.length >= 3) {
                escoOfDwa
                        .computeIfAbsent(row[0].strip(), k -> new ArrayList<>())
                        .add(new Skill(URI.create(row[1].strip()), row[2].strip()));
            }
        }
        Map<String, Activity> activities = new HashMap<>();
        for (String[] row : OnetTasks.rows(REFERENCE)) {
            if (row.length >= 6) {
                String gwa = row[0].strip();
                activities.put(
                        row[4].strip(),
                        new Activity(
                                row[4].strip(),
                                row[5].strip(),
                                gwa,
                                names.getOrDefault(gwa, row[1].strip()),
                                List.copyOf(skillsOfGwa.getOrDefault(gwa, List.of())),
                                List.copyOf(escoOfDwa.getOrDefault(row[4].strip(), List.of()))));
            }
        }
        Map<String, String> types = new HashMap<>();
        for (String[] row : OnetTasks.rows(OnetTasks.TASKS)) {
            if (row.length >= 5) {
                types.put(row[0] + "/" + row[2], row[4].strip());
            }
        }
        Map<String, Map<Activity, List<TaskLink>>> links = new HashMap<>();
        for (String[] row : OnetTasks.rows(OnetTasks.DWAS)) {
            Activity a = row.length >= 6 ? activities.get(row[4].strip()) : null;
            if (a != null) {
                String type = types.getOrDefault(row[0] + "/" + row[2], "");
                links.computeIfAbsent(row[0], k -> new LinkedHashMap<>())
                        .computeIfAbsent(a, k -> new ArrayList<>())
                        // O*NET marks rated tasks Core or Supplemental; an unmarked one is not known to be supplemental
                        .add(new TaskLink(row[3].strip(), !type.equals("Supplemental")));
            }
        }
        Map<String, Work> byOccupation = new HashMap<>();
        links.forEach((code, byActivity) -> {
            Map<Activity, List<TaskLink>> copy = new LinkedHashMap<>();
            byActivity.forEach((a, tasks) -> copy.put(a, List.copyOf(tasks)));
            byOccupation.put(code, new Work(Collections.unmodifiableMap(copy)));
        });
        return new Index(Map.copyOf(activities), Map.copyOf(byOccupation));
    }
}
