package org.openler.skills.suggest;

import org.jspecify.annotations.Nullable;

/**
 * A logistic map from a ranker's raw score to the probability that the suggestion is a right answer: {@code 1 / (1 +
 * exp(-(a + b · ln(1 + raw) + c · raw / best raw)))}, where {@code best raw} is the top suggestion's raw score for the
 * same text. Fitted by logistic regression on the top-10 suggestions of labelled queries and checked on held-out ones
 * (TitleCrossValidation, SkillCalibration; the reliability tables are in docs/skill-mapping.md), so a caller can cut
 * at a threshold: of the suggestions scored about 0.6, about 60 % are right. Monotone in the raw score for a given
 * text (b and c are positive), so it never reorders a ranking.
 */
public record Calibration(double a, double b, double c) {

    /** Job titles → ESCO occupations, {@link TitleIndex.Settings#DEFAULT} (fitted on the JobBERT titles). */
    public static final Calibration TITLES = new Calibration(-11.97, 2.115, 5.398);
    /** The same for {@link TitleIndex.Settings#LEXICAL}. */
    public static final Calibration TITLES_LEXICAL = new Calibration(-11.63, 2.452, 3.401);

    /**
     * Job titles read as Spanish ({@link TitleIndex.Spanish#DEFAULT} weighing, {@link TitleIndex.Settings#DEFAULT}):
     * a Spanish title carries more lexical evidence (the pooled Spanish labels), so the English fit reads its raw
     * scores wrongly. Fitted on the 1,584 held-out ESCO Spanish label groups that match no label exactly
     * (SpanishTitleCalibration: held-out Brier 0.048 against 0.055 English-fitted and 0.076 for the base rate); the
     * 218 that do were left out because holding a label group out leaves only other occupations to match it exactly,
     * so on that set an exact match marks a wrong answer, which on real titles it does not.
     */
    public static final Calibration TITLES_SPANISH = new Calibration(-16.08, 1.749, 11.26);
    /** The same for {@link TitleIndex.Settings#LEXICAL} (held-out Brier 0.048 against 0.059 and 0.076). */
    public static final Calibration TITLES_SPANISH_LEXICAL = new Calibration(-16.91, 2.279, 9.039);

    /** The calibration of titles read as Spanish that goes with a title calibration: itself when none was fitted. */
    static Calibration forSpanishTitles(Calibration titles) {
        if (titles.equals(TITLES)) {
            return TITLES_SPANISH;
        }
        if (titles.equals(TITLES_LEXICAL)) {
            return TITLES_SPANISH_LEXICAL;
        }
        return titles;
    }

    /**
     * Skill phrases → ESCO skills, {@link SuggestionEngine.Settings#DEFAULT}: fitted on the top-10 suggestions of the
     * 136 TECH-val and HOUSE-val sentences (SkillCalibration; held-out Brier 0.092 against 0.112 for the base rate).
     */
    public static final Calibration SKILLS = new Calibration(-11.98, 5.094, 8.765);
    /** The same for the lexical-only engine the platform answers with while the label vectors are computed. */
    public static final Calibration SKILLS_LEXICAL = new Calibration(-11.78, 2.543, 6.287);

    /** The skill mapper's calibration for the engine's settings; null for settings only the evaluation uses. */
    static @Nullable Calibration forSkills(SuggestionEngine.Settings settings) {
        if (settings.equals(SuggestionEngine.Settings.DEFAULT)) {
            return SKILLS;
        }
        if (settings.equals(SuggestionEngine.Settings.DEFAULT.with(SuggestionEngine.Fusion.LEXICAL, 1))) {
            return SKILLS_LEXICAL;
        }
        return null;
    }

    public double probability(double raw, double best) {
        double z = a + b * Math.log1p(raw) + c * (best > 0 ? raw / best : 0);
        return 1 / (1 + Math.exp(-z));
    }
}
