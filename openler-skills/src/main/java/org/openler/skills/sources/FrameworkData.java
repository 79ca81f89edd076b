package org.openler.skills.sources;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One framework version as read from its source, ready to be stored: its competencies, their hierarchy,
 * occupations with what they require and how they relate, and SKOS mappings to other frameworks' URIs.
 */
public record FrameworkData(
        FrameworkInfo info,
        List<Concept> concepts,
        List<Link> broader,
        List<OccupationEntry> occupations,
        List<Need> requirements,
        List<Link> related,
        List<Link> mappings) {

    public FrameworkData {
        concepts = List.copyOf(concepts);
        broader = List.copyOf(broader);
        occupations = List.copyOf(occupations);
        requirements = List.copyOf(requirements);
        related = List.copyOf(related);
        mappings = List.copyOf(mappings);
    }

    /** Collects a framework's parts while a reader goes through its files; refuses a URI or code given twice. */
    public static final class Builder {
        private final List<Concept> concepts = new ArrayList<>();
        private final List<Link> broader = new ArrayList<>();
        private final List<OccupationEntry> occupations = new ArrayList<>();
        private final List<Need> requirements = new ArrayList<>();
        private final List<Link> related = new ArrayList<>();
        private final List<Link> mappings = new ArrayList<>();
        private final Set<String> conceptUris = new HashSet<>();
        private final Set<String> conceptCodes = new HashSet<>();
        private final Set<String> occupationUris = new HashSet<>();
        private final Set<String> occupationCodes = new HashSet<>();

        public Builder concept(Concept concept) {
            if (!conceptUris.add(concept.uri())) {
                throw new SourceException("The competency " + concept.uri() + " appears twice.");
            }
            if (!conceptCodes.add(concept.code())) {
                throw new SourceException("The competency code " + concept.code() + " appears twice.");
            }
            concepts.add(concept);
            return this;
        }

        public boolean hasConcept(String uri) {
            return conceptUris.contains(uri);
        }

        public boolean hasConceptCode(String code) {
            return conceptCodes.contains(code);
        }

        public boolean hasOccupation(String uri) {
            return occupationUris.contains(uri);
        }

        public Builder broader(String narrowerUri, String broaderUri) {
            broader.add(Link.broader(narrowerUri, broaderUri));
            return this;
        }

        public Builder occupation(OccupationEntry occupation) {
            if (!occupationUris.add(occupation.uri())) {
                throw new SourceException("The occupation " + occupation.uri() + " appears twice.");
            }
            if (!occupationCodes.add(occupation.code())) {
                throw new SourceException("The occupation code " + occupation.code() + " appears twice.");
            }
            occupations.add(occupation);
            return this;
        }

        public Builder requirement(Need need) {
            requirements.add(need);
            return this;
        }

        public Builder related(String occupationUri, String relatedUri, String tier, int position) {
            related.add(new Link(occupationUri, relatedUri, tier, position));
            return this;
        }

        public Builder mapping(String subjectUri, String objectUri, String relation) {
            mappings.add(new Link(subjectUri, objectUri, relation, 0));
            return this;
        }

        public FrameworkData build(FrameworkInfo info) {
            return new FrameworkData(info, concepts, broader, occupations, requirements, related, mappings);
        }
    }
}
