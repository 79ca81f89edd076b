package org.openler.platform.jobs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.skills.Occupation;
import org.springframework.stereotype.Service;

/**
 * A job title to a draft: ranked occupations with their ESCO counterparts and confidence, and the requirements the
 * top occupation's competency DNA proposes (or those of the occupation the employer chose).
 */
@Service
public class JobDrafts {

    static final int SUGGESTIONS = 5;

    /** One ranked occupation, with its ESCO counterparts. */
    public record Candidate(
            String code,
            String title,
            String uri,
            int jobZone,
            double confidence,
            String matchedBy,
            List<CompetencyDna.Counterpart> esco) {}

    /** The draft: the title, the candidates, the occupation chosen and its proposal. */
    public record Draft(String title, List<Candidate> suggestions, Optional<CompetencyDna.Proposal> proposal) {}

    private final OccupationSuggester suggester;
    private final OnetOccupations onet;
    private final CompetencyDna dna;

    JobDrafts(OccupationSuggester suggester, OnetOccupations onet, CompetencyDna dna) {
        this.suggester = suggester;
        this.onet = onet;
        this.dna = dna;
    }

    /**
     * Suggestions for the title, and the proposal of {@code chosen} (an O*NET-SOC code, which need not be among the
     * suggestions) or else of the best suggestion. No suggestion and nothing chosen: no proposal.
     */
    public Draft draft(String title, Optional<String> chosen) {
        String clean = JobInput.title(title, "title");
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (OccupationSuggestion s : suggester.suggest(clean, SUGGESTIONS)) {
            onet.byCodeOrParent(s.onetCode())
                    .filter(o -> seen.add(o.code()))
                    .ifPresent(o -> candidates.add(new Candidate(
                            o.code(),
                            o.title(),
                            o.uri().toString(),
                            o.jobZone(),
                            s.confidence(),
                            s.matchedBy(),
                            dna.counterparts(o.uri()))));
        }
        Optional<Occupation> occupation;
        if (chosen.isPresent()) {
            String code = chosen.get().strip();
            if (!JobInput.ONET_CODE.matcher(code).matches()) {
                throw PlatformException.invalid("occupation", "An O*NET-SOC code looks like 15-1252.00.");
            }
            occupation = Optional.of(onet.byCode(code)
                    .orElseThrow(() -> PlatformException.invalid(
                            "occupation", "No O*NET-SOC occupation has the code " + code + ".")));
        } else {
            occupation = candidates.stream().findFirst().flatMap(c -> onet.byCode(c.code()));
        }
        return new Draft(clean, List.copyOf(candidates), occupation.map(dna::propose));
    }

    /** The proposal for an occupation code, for seeding and for the editor's "start again from the occupation". */
    public CompetencyDna.Proposal propose(String onetCode) {
        return dna.propose(onet.byCode(onetCode).orElseThrow(() -> PlatformException.notFound("The occupation")));
    }
}
