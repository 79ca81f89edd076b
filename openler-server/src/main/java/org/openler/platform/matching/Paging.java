package org.openler.platform.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.problems.PlatformException;

/**
 * One page of a list (the learner's jobs by fit, an employer's jobs): {@code offset} and {@code limit} as the registry
 * search and the Open Badges API page theirs ({@code offset} from 0, {@code limit} from 1), a bad value a 400 problem
 * naming the parameter; the other pages as RFC 8288 links (first, prev, next, last), as the Open Badges API gives them.
 */
public record Paging(int offset, int limit) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** Beyond every open job the platform reads at once (jobs.Jobs.MAX_OPEN). */
    public static final int MAX_OFFSET = 10_000;

    public Paging {
        if (offset < 0 || offset > MAX_OFFSET || limit < 1) {
            throw new IllegalArgumentException("offset 0.." + MAX_OFFSET + ", limit from 1");
        }
    }

    /** The parameters as the address carries them; absent ones take their defaults (20, at most 100). */
    static Paging of(@Nullable String offset, @Nullable String limit) {
        return of(offset, limit, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** The same with the list's own default and largest page. */
    public static Paging of(@Nullable String offset, @Nullable String limit, int defaultLimit, int maxLimit) {
        return new Paging(
                number(offset, "offset", 0, MAX_OFFSET, 0), number(limit, "limit", 1, maxLimit, defaultLimit));
    }

    <T> List<T> slice(List<T> all) {
        return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    }

    /** The previous page's offset, when there is one. */
    public Optional<Integer> previous() {
        return offset == 0 ? Optional.empty() : Optional.of(Math.max(0, offset - limit));
    }

    /** The next page's offset, when {@code total} goes beyond this page. */
    public Optional<Integer> next(int total) {
        return offset + limit < total ? Optional.of(offset + limit) : Optional.empty();
    }

    /**
     * The {@code Link} header: the first, previous, next and last pages of {@code path} (which may carry a query of
     * its own, such as the list's filters), each with this limit.
     */
    public String links(String path, int total) {
        List<String> links = new ArrayList<>();
        next(total).ifPresent(next -> links.add(link(path, next, "next")));
        int last = total == 0 ? 0 : ((total - 1) / limit) * limit;
        links.add(link(path, last, "last"));
        links.add(link(path, 0, "first"));
        previous().ifPresent(previous -> links.add(link(path, Math.min(previous, last), "prev")));
        return String.join(", ", links);
    }

    private String link(String path, int at, String relation) {
        return "<" + path + (path.contains("?") ? "&" : "?") + "offset=" + at + "&limit=" + limit + ">; rel=\""
                + relation + "\"";
    }

    private static int number(@Nullable String text, String name, int least, int most, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the same answer as a number out of range
        }
        throw PlatformException.invalid(name, "A whole number from " + least + " to " + most + ".");
    }
}
