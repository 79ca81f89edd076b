package org.openler.platform.skills;

import java.io.Reader;
import java.util.List;
import org.openler.skills.sources.Csv;
import org.openler.skills.sources.SourceException;

/**
 * The platform's one CSV reader (RFC 4180, streamed, in {@code skills.sources}), offered to other features: bulk
 * issuance reads its uploads with it. A text that breaks the format (a quote left open, a field over 1 MB) is an
 * {@link IllegalArgumentException} with the reason, so that callers need not know the skills readers' exception.
 */
public final class CsvRecords {

    private CsvRecords() {}

    /** Every record of a comma-separated text; blank lines are left out and a leading byte order mark is ignored. */
    public static List<List<String>> read(Reader in) {
        try {
            return Csv.readAll(in);
        } catch (SourceException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
