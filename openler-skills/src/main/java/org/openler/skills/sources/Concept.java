package org.openler.skills.sources;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One competency as a source states it. {@code description} is empty when the source has none; alternative labels
 * are de-duplicated, without the preferred label, and those too long to be a label are dropped.
 */
public record Concept(String uri, String code, String kind, String label, String description, List<String> altLabels) {

    public Concept {
        uri = Text.uri(uri, "competency URI");
        code = Text.limit(Text.require(code, "competency code"), 300);
        kind = Text.require(kind, "competency kind");
        label = Text.limit(Text.require(label, "label of " + uri), 2000);
        description = description.strip();
        Set<String> labels = new LinkedHashSet<>();
        for (String alt : altLabels) {
            String a = alt.strip();
            if (!a.isEmpty() && a.length() <= Text.MAX_LABEL && !a.equals(label)) {
                labels.add(a);
            }
        }
        altLabels = List.copyOf(labels);
    }
}
