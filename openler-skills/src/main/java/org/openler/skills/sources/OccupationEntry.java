package org.openler.skills.sources;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One occupation as a source states it; {@code jobZone} 1–5, or 0 when the source gives none. */
public record OccupationEntry(
        String uri, String code, String title, String description, int jobZone, List<String> altTitles) {

    public OccupationEntry {
        uri = Text.uri(uri, "occupation URI");
        code = Text.limit(Text.require(code, "occupation code"), 300);
        title = Text.limit(Text.require(title, "title of " + uri), 1000);
        description = description.strip();
        if (jobZone < 0 || jobZone > 5) {
            throw new SourceException("A job zone is 1 to 5: " + jobZone);
        }
        Set<String> titles = new LinkedHashSet<>();
        for (String alt : altTitles) {
            String a = alt.strip();
            if (!a.isEmpty() && a.length() <= Text.MAX_LABEL && !a.equals(title)) {
                titles.add(a);
            }
        }
        altTitles = List.copyOf(titles);
    }

    public OccupationEntry withJobZone(int zone) {
        return new OccupationEntry(uri, code, title, description, zone, altTitles);
    }

    public OccupationEntry withAltTitles(List<String> titles) {
        return new OccupationEntry(uri, code, title, description, jobZone, titles);
    }
}
