package org.openler.platform.talent;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The coarse locations a learner may choose from: a US state, the District of Columbia or Puerto Rico, named by its
 * ISO 3166-2 code. A fixed list, never free text, so a location cannot carry a street, a city or a postcode, and
 * every value is shared by many people.
 */
public final class Regions {

    /** One region: its ISO 3166-2 code and its name in English and Spanish. */
    public record Region(String code, String english, String spanish) {

        public String name(Locale locale) {
            return locale.getLanguage().equals("es") ? spanish : english;
        }
    }

    static final List<Region> ALL = List.of(
            new Region("US-AL", "Alabama", "Alabama"),
            new Region("US-AK", "Alaska", "Alaska"),
            new Region("US-AZ", "Arizona", "Arizona"),
            new Region("US-AR", "Arkansas", "Arkansas"),
            new Region("US-CA", "California", "California"),
            new Region("US-CO", "Colorado", "Colorado"),
            new Region("US-CT", "Connecticut", "Connecticut"),
            new Region("US-DE", "Delaware", "Delaware"),
            new Region("US-DC", "District of Columbia", "Distrito de Columbia"),
            new Region("US-FL", "Florida", "Florida"),
            new Region("US-GA", "Georgia", "Georgia"),
            new Region("US-HI", "Hawaii", "Hawái"),
            new Region("US-ID", "Idaho", "Idaho"),
            new Region("US-IL", "Illinois", "Illinois"),
            new Region("US-IN", "Indiana", "Indiana"),
            new Region("US-IA", "Iowa", "Iowa"),
            new Region("US-KS", "Kansas", "Kansas"),
            new Region("US-KY", "Kentucky", "Kentucky"),
            new Region("US-LA", "Louisiana", "Luisiana"),
            new Region("US-ME", "Maine", "Maine"),
            new Region("US-MD", "Maryland", "Maryland"),
            new Region("US-MA", "Massachusetts", "Massachusetts"),
            new Region("US-MI", "Michigan", "Míchigan"),
            new Region("US-MN", "Minnesota", "Minnesota"),
            new Region("US-MS", "Mississippi", "Misisipi"),
            new Region("US-MO", "Missouri", "Misuri"),
            new Region("US-MT", "Montana", "Montana"),
            new Region("US-NE", "Nebraska", "Nebraska"),
            new Region("US-NV", "Nevada", "Nevada"),
            new Region("US-NH", "New Hampshire", "Nuevo Hampshire"),
            new Region("US-NJ", "New Jersey", "Nueva Jersey"),
            new Region("US-NM", "New Mexico", "Nuevo México"),
            new Region("US-NY", "New York", "Nueva York"),
            new Region("US-NC", "North Carolina", "Carolina del Norte"),
            new Region("US-ND", "North Dakota", "Dakota del Norte"),
            new Region("US-OH", "Ohio", "Ohio"),
            new Region("US-OK", "Oklahoma", "Oklahoma"),
            new Region("US-OR", "Oregon", "Oregón"),
            new Region("US-PA", "Pennsylvania", "Pensilvania"),
            new Region("US-PR", "Puerto Rico", "Puerto Rico"),
            new Region("US-RI", "Rhode Island", "Rhode Island"),
            new Region("US-SC", "South Carolina", "Carolina del Sur"),
            new Region("US-SD", "South Dakota", "Dakota del Sur"),
            new Region("US-TN", "Tennessee", "Tennessee"),
            new Region("US-TX", "Texas", "Texas"),
            new Region("US-UT", "Utah", "Utah"),
            new Region("US-VT", "Vermont", "Vermont"),
            new Region("US-VA", "Virginia", "Virginia"),
            new Region("US-WA", "Washington", "Washington"),
            new Region("US-WV", "West Virginia", "Virginia Occidental"),
            new Region("US-WI", "Wisconsin", "Wisconsin"),
            new Region("US-WY", "Wyoming", "Wyoming"));

    private Regions() {}

    public static List<Region> all() {
        return ALL;
    }

    /** The region with this code (case-insensitive), if it is on the list. */
    public static Optional<Region> of(String code) {
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return ALL.stream().filter(r -> r.code().equals(wanted)).findFirst();
    }
}
