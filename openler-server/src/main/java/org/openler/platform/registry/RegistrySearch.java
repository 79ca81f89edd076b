package org.openler.platform.registry;

import java.util.List;
import java.util.Optional;
import org.openler.platform.problems.PlatformException;
import org.springframework.stereotype.Service;

/** Search over published credentials, on this instance's index; what the API and the search page call. */
@Service
public class RegistrySearch {

    private final CredentialIndex index;
    private final IndexFollower follower;

    RegistrySearch(CredentialIndex index, IndexFollower follower) {
        this.index = index;
        this.follower = follower;
    }

    public RegistryResults search(RegistryQuery query) {
        return index.search(query);
    }

    IndexFollower.Status status() {
        return follower.status();
    }

    /** Search parameters as a URL carries them (strings), read into a {@link RegistryQuery} or refused with 400. */
    record Request(RegistryQuery query) {

        static Request of(
                String q,
                List<String> type,
                List<String> competency,
                List<String> occupation,
                List<String> delivery,
                List<String> provider,
                List<String> location,
                String cost,
                String duration,
                String offset,
                String limit) {
            if (q.length() > 500) {
                throw PlatformException.invalid("q", "At most 500 characters.");
            }
            long[] costRange = range(cost, "cost");
            long[] hours = range(duration, "duration");
            int from = number(offset, "offset", 0, RegistryQuery.MAX_OFFSET);
            int size = number(limit, "limit", 0, RegistryQuery.MAX_LIMIT);
            return new Request(RegistryQuery.builder()
                    .text(q)
                    .types(values(type))
                    .competencies(values(competency))
                    .occupations(values(occupation))
                    .delivery(values(delivery))
                    .providers(values(provider))
                    .locations(values(location))
                    .cost(bound(costRange[0]), bound(costRange[1]))
                    .hours(bound(hours[0]), bound(hours[1]))
                    .page(from, size)
                    .build());
        }

        /** "min-max", "min-" or "-max" (whole numbers); "" for no range. -1 stands for an open end. */
        private static long[] range(String text, String field) {
            if (text.isBlank()) {
                return new long[] {-1, -1};
            }
            String[] parts = text.strip().split("-", -1);
            if (parts.length != 2 || text.length() > 40) {
                throw PlatformException.invalid(field, "Give a range as min-max, min- or -max.");
            }
            try {
                long min = parts[0].isBlank() ? -1 : Long.parseLong(parts[0].strip());
                long max = parts[1].isBlank() ? -1 : Long.parseLong(parts[1].strip());
                if ((min < -1) || (max < -1) || (min >= 0 && max >= 0 && max < min)) {
                    throw PlatformException.invalid(field, "Give a range as min-max with min <= max.");
                }
                return new long[] {min, max};
            } catch (NumberFormatException e) {
                throw PlatformException.invalid(field, "Give a range as min-max, min- or -max.");
            }
        }

        private static Optional<Long> bound(long value) {
            return value < 0 ? Optional.empty() : Optional.of(value);
        }

        private static int number(String text, String field, int min, int max) {
            try {
                int value = Integer.parseInt(text.strip());
                if (value < min || value > max) {
                    throw PlatformException.invalid(field, "Between " + min + " and " + max + ".");
                }
                return value;
            } catch (NumberFormatException e) {
                throw PlatformException.invalid(field, "Between " + min + " and " + max + ".");
            }
        }

        private static List<String> values(List<String> given) {
            if (given.size() > 50) {
                throw PlatformException.invalid("facets", "At most 50 values per facet.");
            }
            return given.stream()
                    .map(String::strip)
                    .filter(v -> !v.isEmpty() && v.length() <= 2000)
                    .distinct()
                    .toList();
        }
    }
}
