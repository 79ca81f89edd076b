package org.openler.skills.sources;

import java.util.Locale;
import java.util.Optional;

/** The formats in which a state or provider brings its own taxonomy. */
public enum CustomFormat {
    CASE("case"),
    CTDL_ASN("ctdl-asn"),
    RSD("rsd"),
    RSD_CSV("rsd-csv");

    private final String code;

    CustomFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<CustomFormat> of(String code) {
        for (CustomFormat f : values()) {
            if (f.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Reads the bytes in this format; {@code name} names a framework whose file does not (an RSD list or CSV). */
    public FrameworkData read(byte[] bytes, String source, String name) {
        return switch (this) {
            case CASE -> CaseReader.read(bytes, source);
            case CTDL_ASN -> CtdlAsnReader.read(bytes, source);
            case RSD -> RsdReader.readJson(bytes, source, name);
            case RSD_CSV -> RsdReader.readCsv(bytes, source, name);
        };
    }
}
