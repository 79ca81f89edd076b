package org.openler.platform.matching;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.JobId;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.skills.SkillLabels;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in learner's fit as JSON: a match against a job or an occupation, their jobs by fit, and career
 * pathways. The same paths answer HTML for browsers ({@link MatchPages}). Their own record only.
 */
@RestController
class MatchApi {

    private final Matching matching;
    private final Pathways pathways;
    private final Explanations why;
    private final SkillLabels labels;
    private final PlatformUrls urls;

    MatchApi(Matching matching, Pathways pathways, Explanations why, SkillLabels labels, PlatformUrls urls) {
        this.labels = labels;
        this.urls = urls;
        this.matching = matching;
        this.pathways = pathways;
        this.why = why;
    }

    @GetMapping(value = "/me/matches", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    MatchViews.MatchView match(
            @RequestParam(defaultValue = "") String job,
            @RequestParam(defaultValue = "") String occupation,
            @RequestParam(defaultValue = "time") String by) {
        SetCover.Measure measure = measure(by);
        Locale locale = LocaleContextHolder.getLocale();
        return MatchViews.match(result(matching, learner(), job, occupation, measure), measure, why, labels, locale);
    }

    /**
     * The learner's open jobs by fit, a page at a time ({@link Paging}: {@code offset}, {@code limit}); the number of
     * jobs in {@code X-Total-Count} and {@code total}, the other pages in a {@code Link} header. The suggested
     * occupations are a short list of their own and come whole with every page.
     */
    @GetMapping(value = "/me/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    ResponseEntity<MatchViews.JobsView> jobs(
            @RequestParam(required = false) @Nullable String offset,
            @RequestParam(required = false) @Nullable String limit) {
        Paging paging = Paging.of(offset, limit);
        Matching.Overview overview = matching.overview(learner());
        Locale locale = LocaleContextHolder.getLocale();
        var jobs = paging.slice(overview.jobs()).stream()
                .map(r -> MatchViews.RankedView.of(r, labels, locale))
                .toList();
        var occupations = overview.occupations().stream()
                .map(r -> MatchViews.RankedView.of(r, labels, locale))
                .toList();
        boolean empty = overview.emptyRecord();
        int total = overview.jobs().size();
        return ResponseEntity.ok()
                .header("X-Total-Count", Integer.toString(total))
                .header(HttpHeaders.LINK, paging.links(urls.base() + "/me/jobs", total))
                .body(new MatchViews.JobsView(
                        empty ? "empty" : "matched",
                        empty ? why.text("matching.empty.next", locale) : null,
                        jobs,
                        total,
                        paging.offset(),
                        paging.limit(),
                        occupations));
    }

    @GetMapping(value = "/me/pathways", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    MatchViews.PathwaysView pathways(
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "time") String by) {
        SetCover.Measure measure = measure(by);
        checkLength(from, "from");
        checkLength(to, "to");
        Pathways.Pathway p = pathways.pathways(learner(), from, to, measure);
        Locale locale = LocaleContextHolder.getLocale();
        return new MatchViews.PathwaysView(
                p.start().isPresent() ? "matched" : "empty",
                p.start().isPresent() ? null : why.text("matching.pathways.empty", locale),
                p.start().map(r -> MatchViews.role(r, measure, labels, locale)).orElse(null),
                p.next().stream()
                        .map(r -> MatchViews.role(r, measure, labels, locale))
                        .toList(),
                p.route().stream()
                        .map(r -> MatchViews.role(r, measure, labels, locale))
                        .toList());
    }

    /** The match the parameters ask for: exactly one of {@code job} (a UUID) and {@code occupation}. */
    static Matching.Result result(
            Matching matching, AccountId me, String job, String occupation, SetCover.Measure measure) {
        checkLength(job, "job");
        checkLength(occupation, "occupation");
        if (job.isBlank() == occupation.isBlank()) {
            throw PlatformException.invalid("job", "Give either job={id} or occupation={code}, not both.");
        }
        if (!job.isBlank()) {
            UUID id;
            try {
                id = UUID.fromString(job.strip());
            } catch (IllegalArgumentException e) {
                throw PlatformException.invalid("job", "A job id is a UUID.");
            }
            return matching.job(me, new JobId(id), measure);
        }
        return matching.occupation(me, occupation, measure);
    }

    static SetCover.Measure measure(String by) {
        return switch (by.strip().toLowerCase(Locale.ROOT)) {
            case "time", "" -> SetCover.Measure.TIME;
            case "money", "cost" -> SetCover.Measure.MONEY;
            default -> throw PlatformException.invalid("by", "Economise time or money: by=time or by=money.");
        };
    }

    static void checkLength(String value, String field) {
        if (value.length() > 200) {
            throw PlatformException.invalid(field, "At most 200 characters.");
        }
    }

    static AccountId learner() {
        return ((Actor.Person) Actors.current()).accountId();
    }
}
