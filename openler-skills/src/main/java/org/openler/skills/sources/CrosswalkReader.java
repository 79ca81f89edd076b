package org.openler.skills.sources;

import java.util.Map;

/**
 * The ESCO–O*NET occupation crosswalk (ESCO Secretariat with USDOL/ETA, version 1, September 2022): each row maps an
 * O*NET-SOC 2019 occupation to an ESCO occupation or ISCO group with a SKOS match type. {@code exactISCO} (the
 * occupation matches a whole ISCO group) is kept as an exact match to that group's URI.
 */
public final class CrosswalkReader {

    public static final String SLUG = "esco-onet-crosswalk";
    public static final String VERSION = "1";

    private static final String FILE = "crosswalks/esco-onet/crosswalk_esco_onet.csv.gz";
    private static final Map<String, String> RELATIONS = Map.of(
            "exactMatch", "exact",
            "closeMatch", "close",
            "broadMatch", "broad",
            "narrowMatch", "narrow",
            "exactISCO", "exact");

    private CrosswalkReader() {}

    public static FrameworkData read() {
        Bundle bundle = new Bundle();
        FrameworkData.Builder data = new FrameworkData.Builder();
        boolean[] header = {false};
        bundle.records(FILE, ',', r -> {
            if (!header[0]) {
                // metadata lines come first; the table starts at its header row
                header[0] = !r.isEmpty() && r.getFirst().strip().equals("O*NET Id");
                return;
            }
            if (r.size() < 7 || r.get(0).isBlank()) {
                return;
            }
            String relation = RELATIONS.get(r.get(6).strip());
            if (relation == null) {
                throw new SourceException("Unknown match type in the crosswalk: " + r.get(6));
            }
            data.mapping(OnetReader.occupationUri(r.get(0).strip()), r.get(3).strip(), relation);
        });
        if (!header[0]) {
            throw new SourceException("The crosswalk has no header row.");
        }
        return data.build(new FrameworkInfo(
                SLUG,
                VERSION,
                "ESCO–O*NET crosswalk",
                "ESCO Secretariat (European Commission) with USDOL/ETA",
                "CC BY 4.0",
                "ESCO–O*NET Crosswalk, version 1 (September 2022), ESCO Secretariat in collaboration with the U.S."
                        + " Department of Labor/Employment and Training Administration. This service uses the ESCO"
                        + " classification of the European Commission and information from the O*NET Database"
                        + " (USDOL/ETA, CC BY 4.0).",
                "openler-data: " + Bundle.DATA + FILE,
                "crosswalk",
                "https://esco.ec.europa.eu/en/use-esco/other-crosswalks",
                "O*NET-SOC 2019 occupations matched to ESCO v1.1 occupations (SKOS exact, close, broad, narrow).",
                bundle.sha256()));
    }
}
