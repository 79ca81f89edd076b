package org.openler.platform.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openler.platform.skills.SkillLabels;

/** The JSON the API answers: a match with its requirements, gaps and plan; lists; pathways. */
final class MatchViews {

    private MatchViews() {}

    record SubjectView(
            String kind,
            String id,
            String title,
            String by,
            @Nullable Integer jobZone) {
        static SubjectView of(Matching.Subject s, SkillLabels labels, Locale locale) {
            return new SubjectView(
                    s.kind(),
                    s.id(),
                    labels.occupation(s.id(), s.title(), locale),
                    s.by(),
                    s.jobZone() > 0 ? s.jobZone() : null);
        }
    }

    /** One piece of evidence: the credential (or statement) and who stands behind it. */
    record EvidenceView(
            String kind,
            @Nullable String credential,
            @Nullable String credentialName,
            @Nullable String issuer,
            @Nullable String alignment,
            @Nullable String statement) {

        static EvidenceView of(Evidence.Source source) {
            return switch (source) {
                case Evidence.Source.Verified v ->
                    new EvidenceView(
                            v.kind(),
                            v.credential().toString(),
                            v.credentialName(),
                            v.issuer(),
                            v.alignment().toString(),
                            null);
                case Evidence.Source.Endorsed e ->
                    new EvidenceView(e.kind(), e.credential().toString(), null, e.endorser(), null, null);
                case Evidence.Source.SelfAsserted s ->
                    new EvidenceView(
                            s.kind(), null, null, null, null, s.statement().toString());
            };
        }
    }

    record RequirementView(
            String skill,
            String label,
            double weight,
            boolean required,
            @Nullable Integer level,
            boolean met,
            double coverage,
            double points,
            String relation,
            @Nullable String via,
            @Nullable String viaLabel,
            List<EvidenceView> evidence,
            List<String> explanation) {}

    record GapView(String skill, String label, double weight, double coverage, double missing, String kind) {
        static GapView of(MatchEngine.Gap g, SkillLabels labels, Locale locale) {
            return new GapView(
                    g.skill().skillUri().toString(),
                    labels.label(g.skill().skillUri(), g.skill().label(), locale),
                    round(g.skill().weight()),
                    round(g.coverage()),
                    round(g.priority()),
                    g.kind().name().toLowerCase(Locale.ROOT));
        }
    }

    record Closes(String skill, String label, double missing) {}

    /** A gap a step covers only in part: the share (0–1) it covers, through which taught skill and relation. */
    record CoversPart(String skill, String label, double share, String through, String relation) {}

    record StepView(
            int step,
            String ctid,
            String name,
            String provider,
            String url,
            @Nullable Double cost,
            String currency,
            @Nullable Double hours,
            List<String> delivery,
            List<String> locations,
            List<Closes> closes,
            double closesWeight,
            String note,
            List<CoversPart> partly) {}

    record Totals(
            int steps,
            double hours,
            double cost,
            String currency,
            double coveredWeight,
            double missingWeight,
            List<String> uncovered) {}

    record PlanView(String economise, List<StepView> steps, Totals totals) {
        static PlanView of(SetCover.Plan plan, SetCover.Measure measure, SkillLabels labels, Locale locale) {
            List<StepView> steps = new ArrayList<>();
            int n = 0;
            for (SetCover.Step s : plan.steps()) {
                TrainingOption o = s.option();
                steps.add(new StepView(
                        ++n,
                        o.ctid(),
                        o.name(),
                        o.provider(),
                        "/registry/resources/" + o.ctid(),
                        o.cost().orElse(null),
                        o.currency(),
                        o.hours().orElse(null),
                        o.delivery(),
                        o.locations(),
                        s.closes().stream()
                                .map(g -> new Closes(
                                        g.skill().skillUri().toString(),
                                        labels.label(
                                                g.skill().skillUri(), g.skill().label(), locale),
                                        round(g.priority())))
                                .toList(),
                        round(s.weight()),
                        o.note(),
                        s.partly().stream()
                                .map(p -> new CoversPart(
                                        p.gap().skill().skillUri().toString(),
                                        p.gap().skill().label(),
                                        round(p.share()),
                                        p.through().toString(),
                                        p.relation().name().toLowerCase(Locale.ROOT)))
                                .toList()));
            }
            return new PlanView(
                    measure.name().toLowerCase(Locale.ROOT),
                    steps,
                    new Totals(
                            steps.size(),
                            plan.hours(),
                            plan.cost(),
                            plan.currency(),
                            round(plan.coveredWeight()),
                            round(plan.missingWeight()),
                            plan.uncovered().stream()
                                    .map(g -> g.skill().skillUri().toString())
                                    .toList()));
        }
    }

    /** A match; {@code state} is {@code matched}, or {@code empty} with {@code next} saying what to do. */
    record MatchView(
            String state,
            @Nullable String next,
            SubjectView subject,
            int score,
            double exactScore,
            List<RequirementView> requirements,
            List<GapView> gaps,
            PlanView plan) {}

    record RankedView(SubjectView subject, int score, int met, int requirements) {
        static RankedView of(Matching.Ranked r, SkillLabels labels, Locale locale) {
            return new RankedView(SubjectView.of(r.subject(), labels, locale), r.score(), r.met(), r.total());
        }
    }

    /** A page of the learner's jobs ({@code total} of them in all) and the occupations their record suggests. */
    record JobsView(
            String state,
            @Nullable String next,
            List<RankedView> jobs,
            int total,
            int offset,
            int limit,
            List<RankedView> occupations) {}

    record RoleView(
            SubjectView subject,
            int score,
            double overlap,
            int jobZoneStep,
            double rank,
            List<GapView> gaps,
            PlanView plan) {}

    record PathwaysView(
            String state,
            @Nullable String next,
            @Nullable RoleView start,
            List<RoleView> nextRoles,
            List<RoleView> route) {}

    /** The match in the reader's language: explanations, and skill and occupation labels where ESCO has Spanish. */
    static MatchView match(
            Matching.Result r, SetCover.Measure measure, Explanations why, SkillLabels labels, Locale locale) {
        double total = r.match().target().totalWeight();
        List<RequirementView> requirements = new ArrayList<>();
        for (MatchEngine.RequirementMatch m : r.match().requirements()) {
            var basis = m.basis();
            requirements.add(new RequirementView(
                    m.skill().skillUri().toString(),
                    labels.label(m.skill().skillUri(), m.skill().label(), locale),
                    round(m.skill().weight()),
                    m.skill().required(),
                    m.skill().level() > 0 ? m.skill().level() : null,
                    m.met(),
                    round(m.coverage()),
                    round(m.points()),
                    basis.map(b -> relation(b.relation())).orElse("none"),
                    basis.filter(b -> !b.relation().meets())
                            .map(b -> b.evidence().skill().toString())
                            .orElse(null),
                    basis.filter(b -> !b.relation().meets())
                            .map(b -> labels.label(
                                    b.evidence().skill(), b.evidence().label(), locale))
                            .orElse(null),
                    basis.map(b -> b.evidence().sources().stream()
                                    .map(EvidenceView::of)
                                    .toList())
                            .orElse(List.of()),
                    why.of(m, total, locale)));
        }
        return new MatchView(
                r.emptyRecord() ? "empty" : "matched",
                r.emptyRecord() ? why.text("matching.empty.next", locale) : null,
                SubjectView.of(r.subject(), labels, locale),
                r.match().score(),
                round(r.match().exact()),
                requirements,
                r.match().gaps().stream()
                        .map(g -> GapView.of(g, labels, locale))
                        .toList(),
                PlanView.of(r.plan(), measure, labels, locale));
    }

    static RoleView role(Pathways.Role role, SetCover.Measure measure, SkillLabels labels, Locale locale) {
        return new RoleView(
                SubjectView.of(role.subject(), labels, locale),
                role.result().match().score(),
                round(role.overlap()),
                role.jobZoneStep(),
                round(role.rank()),
                role.result().match().gaps().stream()
                        .map(g -> GapView.of(g, labels, locale))
                        .toList(),
                PlanView.of(role.result().plan(), measure, labels, locale));
    }

    static String relation(Relation relation) {
        return relation.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
