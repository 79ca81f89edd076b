package org.openler.platform.jobs;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The occupation's detailed work activities (DWAs) as weighted requirements (docs/jobs.md writes the formula out):
 *
 * <pre>
 *   τ(t)  = 1 for a core (or unmarked) task, 0.5 for a supplemental one
 *   c(d)  = Σ τ(t) over the occupation's tasks linked to d  ÷  the same sum for its most-linked DWA      (0, 1]
 *   s(d)  = mean importance (IM − 1) / 4 the occupation gives the O*NET skills linked to d's GWA         [0, 1]
 *           (0 when O*NET links none, or the occupation rates none of them: unknown, not guessed)
 *   w(d)  = 0.2 + 0.25 × c(d) + 0.25 × s(d)                                                           at most 0.7
 * </pre>
 *
 * O*NET publishes no importance for tasks or work activities in the files used, so c counts tasks and s borrows the
 * importance of the skills "Skills to Work Activities" links to the DWA's generalized work activity (for an occupation
 * O*NET does not rate, the related occupations' ratings, as for the {@code related} source). A learner's record
 * reaches a DWA through those skills or through the ESCO skills that name it ({@link WorkActivities}); a DWA that
 * neither rated linked skills nor ESCO skills reach is left out. At most {@value #MAX} DWAs, the heaviest; the cap 0.7 keeps O*NET's own ratings of important skills
 * (IM ≥ 3.8, weight ≥ 0.7) ahead of them.
 */
final class ActivityRequirements {

    static final int MAX = 8;
    static final String SOURCE = "dwa";
    static final String KIND = "work activity";
    static final double CAP = 0.7;

    private ActivityRequirements() {}

    /** A DWA weighed for the occupation, with what the basis says. */
    record Weighed(WorkActivities.Activity activity, double weight, int tasks, int core, double support, int linked) {}

    /**
     * The heaviest DWAs of the work, given the importance (0–1) the occupation gives each O*NET skill element by URI
     * (absent: not rated).
     */
    static List<Weighed> weigh(WorkActivities.Work work, Map<URI, Double> importance) {
        double most = 0;
        for (List<WorkActivities.TaskLink> tasks : work.byActivity().values()) {
            most = Math.max(most, taskWeight(tasks));
        }
        List<Weighed> all = new ArrayList<>();
        for (Map.Entry<WorkActivities.Activity, List<WorkActivities.TaskLink>> e :
                work.byActivity().entrySet()) {
            WorkActivities.Activity a = e.getKey();
            double support = 0;
            for (WorkActivities.Skill skill : a.skills()) {
                support += importance.getOrDefault(skill.uri(), 0.0);
            }
            boolean reachable = support > 0 || !a.esco().isEmpty();
            if (!reachable || most <= 0) {
                continue;
            }
            // no linked O*NET skill, or none the occupation rates: importance unknown, counted as 0 rather than guessed
            double s = a.skills().isEmpty() ? 0 : support / a.skills().size();
            double c = taskWeight(e.getValue()) / most;
            double w = Math.min(CAP, 0.2 + 0.25 * c + 0.25 * s);
            int core = (int)
                    e.getValue().stream().filter(WorkActivities.TaskLink::core).count();
            all.add(new Weighed(a, w, e.getValue().size(), core, s, a.skills().size()));
        }
        all.sort(Comparator.comparingDouble(Weighed::weight)
                .reversed()
                .thenComparing(w -> w.activity().title()));
        return List.copyOf(all.subList(0, Math.min(MAX, all.size())));
    }

    /** The basis in words: the tasks behind it and the skills it draws on. */
    static String basis(Weighed w, boolean borrowed) {
        String tasks =
                "work activity in " + w.tasks() + " task" + (w.tasks() == 1 ? "" : "s") + " (" + w.core() + " core); ";
        String onet = w.support() > 0
                ? "O*NET links " + w.linked() + " skill" + (w.linked() == 1 ? "" : "s") + " to it ("
                        + w.activity().gwaName() + "), importance " + Math.round((1 + 4 * w.support()) * 10) / 10.0
                        + " of 5 on average" + (borrowed ? " in related occupations" : "")
                : "O*NET rates no skill it links to it (" + w.activity().gwaName() + ")";
        List<WorkActivities.Skill> esco = w.activity().esco();
        return tasks
                + onet
                + (esco.isEmpty()
                        ? ""
                        : "; ESCO skills that name it: "
                                + String.join(
                                        ", ",
                                        esco.stream()
                                                .map(k -> "“" + k.name() + "”")
                                                .toList()));
    }

    private static double taskWeight(List<WorkActivities.TaskLink> tasks) {
        double sum = 0;
        for (WorkActivities.TaskLink t : tasks) {
            sum += t.core() ? 1 : 0.5;
        }
        return sum;
    }
}
