package org.openler.platform.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.skills.SkillLabels;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The learner's pages: jobs (and occupations) by fit with match bars, a match with the explanation of every point, a
 * gap chart and the training plan, and career pathways drawn as a graph. The same paths answer JSON ({@link
 * MatchApi}).
 */
@Controller
class MatchPages {

    /** The gap chart's drawing: bars this wide at most, this tall each. */
    static final int BAR_WIDTH = 360;

    static final int BAR_HEIGHT = 24;
    static final int GAPS_DRAWN = 12;

    private final Matching matching;
    private final Pathways pathways;
    private final Explanations why;
    private final SkillLabels labels;

    MatchPages(Matching matching, Pathways pathways, Explanations why, SkillLabels labels) {
        this.labels = labels;
        this.matching = matching;
        this.pathways = pathways;
        this.why = why;
    }

    /** The same pages as the JSON ({@link Paging}), with links to the previous and next ones. */
    @GetMapping(value = "/me/jobs", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.LEARNER)
    String jobs(
            @RequestParam(required = false) @Nullable String offset,
            @RequestParam(required = false) @Nullable String limit,
            Model model) {
        Paging paging = Paging.of(offset, limit);
        Matching.Overview overview = matching.overview(MatchApi.learner());
        int total = overview.jobs().size();
        List<Matching.Ranked> page = paging.slice(overview.jobs());
        model.addAttribute("jobs", page);
        model.addAttribute("total", total);
        model.addAttribute("from", paging.offset() + 1);
        model.addAttribute("to", paging.offset() + page.size());
        model.addAttribute("previous", page(paging, paging.previous()));
        model.addAttribute("next", page(paging, paging.next(total)));
        model.addAttribute("occupations", overview.occupations());
        model.addAttribute("empty", overview.emptyRecord());
        return "matching/jobs";
    }

    /** The address of the page at {@code offset} (none when there is no such page), keeping a limit asked for. */
    private static @Nullable String page(Paging paging, Optional<Integer> offset) {
        if (offset.isEmpty()) {
            return null;
        }
        String limit = paging.limit() == Paging.DEFAULT_LIMIT ? "" : "limit=" + paging.limit();
        String at = offset.get() == 0 ? "" : "offset=" + offset.get();
        String query = at.isEmpty() || limit.isEmpty() ? at + limit : at + "&" + limit;
        return "/me/jobs" + (query.isEmpty() ? "" : "?" + query);
    }

    @GetMapping(value = "/me/matches", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.LEARNER)
    String match(
            @RequestParam(defaultValue = "") String job,
            @RequestParam(defaultValue = "") String occupation,
            @RequestParam(defaultValue = "time") String by,
            Model model) {
        SetCover.Measure measure = MatchApi.measure(by);
        Locale locale = LocaleContextHolder.getLocale();
        Matching.Result result = MatchApi.result(matching, MatchApi.learner(), job, occupation, measure);
        MatchViews.MatchView view = MatchViews.match(result, measure, why, labels, locale);
        model.addAttribute("m", view);
        model.addAttribute("bars", bars(view.gaps()));
        model.addAttribute(
                "chartHeight", Math.max(1, Math.min(GAPS_DRAWN, view.gaps().size())) * BAR_HEIGHT + 8);
        model.addAttribute("measure", measure.name().toLowerCase(Locale.ROOT));
        model.addAttribute("job", job);
        model.addAttribute("occupation", occupation);
        model.addAttribute(
                "coveredPercent",
                result.plan().missingWeight() <= 0
                        ? 0
                        : Math.round(100
                                * result.plan().coveredWeight()
                                / result.plan().missingWeight()));
        return "matching/match";
    }

    @GetMapping(value = "/me/pathways", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.LEARNER)
    String pathways(
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "time") String by,
            Model model) {
        SetCover.Measure measure = MatchApi.measure(by);
        MatchApi.checkLength(from, "from");
        MatchApi.checkLength(to, "to");
        Pathways.Pathway p = pathways.pathways(MatchApi.learner(), from, to, measure);
        model.addAttribute("p", p);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("graph", Graph.of(p, labels, LocaleContextHolder.getLocale()));
        return "matching/pathways";
    }

    /** One bar of the gap chart. */
    record Bar(String label, double missing, int width, int y, String kind) {}

    static List<Bar> bars(List<MatchViews.GapView> gaps) {
        double max =
                gaps.stream().mapToDouble(MatchViews.GapView::missing).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (MatchViews.GapView g : gaps.subList(0, Math.min(GAPS_DRAWN, gaps.size()))) {
            int width = (int) Math.max(2, Math.round(BAR_WIDTH * g.missing() / (max <= 0 ? 1 : max)));
            bars.add(new Bar(g.label(), g.missing(), width, 4 + i * BAR_HEIGHT, g.kind()));
            i++;
        }
        return bars;
    }

    /** The pathways graph: where the learner is on the left, next roles on the right, the route along the bottom. */
    record Graph(List<Node> nodes, List<Edge> edges, int width, int height) {

        record Node(int x, int y, String title, int score, int jobZone, String href, String kind) {}

        record Edge(int x1, int y1, int x2, int y2) {}

        static final int NODE_W = 230;
        static final int NODE_H = 52;
        static final int ROW = 70;

        static Graph of(Pathways.Pathway p, SkillLabels labels, Locale locale) {
            List<Node> nodes = new ArrayList<>();
            List<Edge> edges = new ArrayList<>();
            if (p.start().isEmpty()) {
                return new Graph(nodes, edges, 0, 0);
            }
            int rows = Math.max(1, p.next().size());
            int height = rows * ROW + 20;
            int startY = (height - NODE_H) / 2;
            nodes.add(node(10, startY, p.start().get(), "start", labels, locale));
            for (int i = 0; i < p.next().size(); i++) {
                int y = 10 + i * ROW;
                nodes.add(node(400, y, p.next().get(i), "next", labels, locale));
                edges.add(new Edge(10 + NODE_W, startY + NODE_H / 2, 400, y + NODE_H / 2));
            }
            int width = 400 + NODE_W + 10;
            if (!p.route().isEmpty()) {
                int y = height + 20;
                int x = 10;
                int previousX = 10;
                int previousY = startY + NODE_H;
                for (Pathways.Role role : p.route()) {
                    nodes.add(node(x, y, role, "route", labels, locale));
                    edges.add(new Edge(previousX + NODE_W / 2, previousY, x + NODE_W / 2, y));
                    previousX = x;
                    previousY = y + NODE_H;
                    x += NODE_W + 40;
                }
                height = y + NODE_H + 10;
                width = Math.max(width, x);
            }
            return new Graph(nodes, edges, width, height);
        }

        private static Node node(int x, int y, Pathways.Role role, String kind, SkillLabels labels, Locale locale) {
            Matching.Subject s = role.subject();
            String title = labels.occupation(s.id(), s.title(), locale);
            return new Node(
                    x,
                    y,
                    title.length() > 34 ? title.substring(0, 33) + "…" : title,
                    role.result().match().score(),
                    s.jobZone(),
                    "/me/matches?occupation=" + s.id(),
                    kind);
        }
    }
}
