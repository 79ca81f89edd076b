package org.openler.platform.sharing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return read(credentials, party, purpose, until, Map.of());
    }

    /**
     * With the claims chosen of SD-JWT VCs, by credential id: the API's {@code "claims": {"<id>": ["email"]}}, or
     * the page's checkboxes, each {@code "<id>:<claim>"} (see {@link #claimsFromForm}).
     */
    static Shares.NewShare read(
            @Nullable List<String> credentials,
            @Nullable String party,
            @Nullable String purpose,
            @Nullable String until,
            @Nullable Map<String, List<String>> claims) {
        return read(credentials, party, purpose, until, claims, null);
    }

    /** With a target, {@code job:<id>} or {@code occupation:<code>} (blank or null: none); checked by {@link Shares}. */
    static Shares.NewShare read(
            @Nullable List<String> credentials,
            @Nullable String party,
            @Nullable String purpose,
            @Nullable String until,
            @Nullable Map<String, List<String>> claims,
            @Nullable String target) {
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
        Map<UUID, List<String>> chosen = new LinkedHashMap<>();
        if (claims != null) {
            for (Map.Entry<String, List<String>> entry : claims.entrySet()) {
                UUID id;
                try {
                    id = UUID.fromString(entry.getKey().strip());
                } catch (IllegalArgumentException e) {
                    throw PlatformException.invalid("claims", "Name the credential whose fields you choose by its id.");
                }
                List<String> names = entry.getValue() == null ? List.of() : entry.getValue();
                if (names.size() > MAX_CLAIMS || names.stream().anyMatch(n -> n == null || n.length() > 100)) {
                    throw PlatformException.invalid("claims", "Choose among the credential's fields.");
                }
                chosen.put(id, List.copyOf(names));
            }
        }
        return new Shares.NewShare(
                ids,
                party == null ? "" : party,
                purpose == null ? "" : purpose,
                day(until),
                chosen,
                Optional.ofNullable(target).map(String::strip).filter(t -> !t.isEmpty()));
    }

    private static final int MAX_CLAIMS = 50;

    /** The page's checkboxes ({@code "<credential id>:<claim>"}) as claims by credential. */
    static Map<String, List<String>> claimsFromForm(@Nullable List<String> checked) {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        for (String value : checked == null ? List.<String>of() : checked) {
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw PlatformException.invalid("claims", "Choose among the credential's fields.");
            }
            claims.computeIfAbsent(value.substring(0, colon), id -> new ArrayList<>())
                    .add(value.substring(colon + 1));
        }
        return claims;
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
