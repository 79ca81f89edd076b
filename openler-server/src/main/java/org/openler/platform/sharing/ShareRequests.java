package org.openler.platform.sharing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.problems.PlatformException;

/** Reads a share request as the page's form and the API's JSON send it: ids and a date as text. */
final class ShareRequests {

    private ShareRequests() {}

    static Shares.NewShare read(
            @Nullable List<String> credentials,
            @Nullable String party,
            @Nullable String purpose,
            @Nullable String until) {
        List<UUID> ids = new ArrayList<>();
        for (String value : credentials == null ? List.<String>of() : credentials) {
            if (ids.size() > Shares.MAX_ITEMS) {
                break; // Shares refuses the count; no need to read the rest
            }
            try {
                ids.add(UUID.fromString(value.strip()));
            } catch (IllegalArgumentException e) {
                throw PlatformException.invalid("credentials", "Choose among your own credentials.");
            }
        }
        return new Shares.NewShare(ids, party == null ? "" : party, purpose == null ? "" : purpose, day(until));
    }

    private static Optional<LocalDate> day(@Nullable String until) {
        if (until == null || until.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(until.strip()));
        } catch (DateTimeParseException e) {
            throw PlatformException.invalid("until", "Give the last day as a date, e.g. 2027-01-31.");
        }
    }
}
