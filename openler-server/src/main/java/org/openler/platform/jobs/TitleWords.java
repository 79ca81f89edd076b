package org.openler.platform.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A job title as advertised, reduced to the words that name an occupation before it is searched: schedule and
 * seniority words dropped ("night shift", "part-time", "senior", "II"), common abbreviations spelled out ("RN",
 * "LPN", "CNA", "CNC" stays), and a short glossary of Spanish job words put into English, since the occupation titles
 * searched are English. Used by {@link TitleSearchSuggester}, which {@link MappedTitleSuggester} fuses with the skills feature's title mapper.
 */
final class TitleWords {

    private static final Set<String> NOISE = Set.of(
            "night",
            "day",
            "evening",
            "weekend",
            "weekends",
            "shift",
            "shifts",
            "first",
            "second",
            "third",
            "part",
            "full",
            "time",
            "part-time",
            "full-time",
            "prn",
            "per",
            "diem",
            "temporary",
            "temp",
            "contract",
            "remote",
            "hybrid",
            "onsite",
            "senior",
            "sr",
            "junior",
            "jr",
            "lead",
            "entry",
            "level",
            "i",
            "ii",
            "iii",
            "iv",
            "trainee",
            "apprentice",
            "urgent",
            "hiring",
            "now",
            "nocturno",
            "turno",
            "noche",
            "medio",
            "tiempo",
            "completo");

    private static final Map<String, String> EXPANSIONS = Map.ofEntries(
            Map.entry("rn", "registered nurse"),
            Map.entry("lpn", "licensed practical nurse"),
            Map.entry("lvn", "licensed vocational nurse"),
            Map.entry("cna", "nursing assistant"),
            Map.entry("np", "nurse practitioner"),
            Map.entry("ma", "medical assistant"),
            Map.entry("hvac", "heating air conditioning refrigeration mechanic"),
            Map.entry("qa", "quality assurance"),
            Map.entry("qc", "quality control"),
            Map.entry("ingeniero", "engineer"),
            Map.entry("ingeniera", "engineer"),
            Map.entry("desarrollador", "developer"),
            Map.entry("desarrolladora", "developer"),
            Map.entry("programador", "programmer"),
            Map.entry("programadora", "programmer"),
            Map.entry("enfermero", "nurse"),
            Map.entry("enfermera", "nurse"),
            Map.entry("soldador", "welder"),
            Map.entry("soldadora", "welder"),
            Map.entry("electricista", "electrician"),
            Map.entry("maquinista", "machinist"),
            Map.entry("tornero", "machinist"),
            Map.entry("técnico", "technician"),
            Map.entry("técnica", "technician"),
            Map.entry("tecnico", "technician"),
            Map.entry("asistente", "assistant"),
            Map.entry("médico", "medical"),
            Map.entry("médica", "medical"),
            Map.entry("medico", "medical"),
            Map.entry("gerente", "manager"),
            Map.entry("analista", "analyst"),
            Map.entry("ciberseguridad", "information security"),
            Map.entry("soporte", "support"),
            Map.entry("informático", "computer"),
            Map.entry("conductor", "driver"),
            Map.entry("camión", "truck"),
            Map.entry("farmacia", "pharmacy"),
            Map.entry("mantenimiento", "maintenance"),
            Map.entry("registrada", "registered"),
            Map.entry("registrado", "registered"));

    private static final Set<String> SPANISH_GLUE = Set.of("de", "del", "la", "el", "en", "y", "para");

    private TitleWords() {}

    /** The words to search for; the title itself when nothing is left after dropping (a title of noise words). */
    static String of(String title) {
        List<String> words = new ArrayList<>();
        for (String raw : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#.]+")) {
            String word = raw.replaceAll("^\\.+|\\.+$", "");
            if (word.isEmpty() || NOISE.contains(word) || SPANISH_GLUE.contains(word)) {
                continue;
            }
            words.add(EXPANSIONS.getOrDefault(word, word));
        }
        return words.isEmpty() ? title : String.join(" ", words);
    }
}
