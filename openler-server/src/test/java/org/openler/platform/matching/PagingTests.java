package org.openler.platform.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;

class PagingTests {

    static final List<Integer> FORTY_FIVE = IntStream.range(0, 45).boxed().toList();

    @Test
    void noParametersAreTheFirstTwentyAndBlankOnesTheDefaultsToo() {
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(0, 20));
        assertThat(Paging.of(" ", "")).isEqualTo(new Paging(0, 20));
        assertThat(Paging.of(null, null).slice(FORTY_FIVE)).isEqualTo(FORTY_FIVE.subList(0, 20));
    }

    @Test
    void walkingTheNextLinksVisitsEveryItemOnceInOrder() {
        List<Integer> seen = new ArrayList<>();
        Paging page = Paging.of("0", "7");
        while (true) {
            seen.addAll(page.slice(FORTY_FIVE));
            var next = page.next(FORTY_FIVE.size());
            if (next.isEmpty()) {
                break;
            }
            page = new Paging(next.get(), page.limit());
        }
        assertThat(seen).isEqualTo(FORTY_FIVE);
    }

    @Test
    void aPageBeyondTheEndIsEmptyAndItsPreviousLinkStopsAtTheLastPage() {
        Paging beyond = Paging.of("100", "20");
        assertThat(beyond.slice(FORTY_FIVE)).isEmpty();
        assertThat(beyond.next(45)).isEmpty();
        assertThat(beyond.links("/me/jobs", 45))
                .isEqualTo("</me/jobs?offset=40&limit=20>; rel=\"last\", </me/jobs?offset=0&limit=20>; rel=\"first\","
                        + " </me/jobs?offset=40&limit=20>; rel=\"prev\"");
    }

    @Test
    void theLinksOfAMiddlePageAreNextLastFirstAndPreviousWithTheSameLimit() {
        assertThat(Paging.of("5", "10").links("https://x/me/jobs", 45))
                .isEqualTo("<https://x/me/jobs?offset=15&limit=10>; rel=\"next\","
                        + " <https://x/me/jobs?offset=40&limit=10>; rel=\"last\","
                        + " <https://x/me/jobs?offset=0&limit=10>; rel=\"first\","
                        + " <https://x/me/jobs?offset=0&limit=10>; rel=\"prev\"");
        assertThat(Paging.of("0", "10").links("/j", 0))
                .as("no jobs: one empty page, first and last")
                .isEqualTo("</j?offset=0&limit=10>; rel=\"last\", </j?offset=0&limit=10>; rel=\"first\"");
    }

    @Test
    void aLimitOrOffsetThatIsNotAWholeNumberInRangeIsAnInvalidInputProblemNamingIt() {
        for (String[] bad : List.of(
                new String[] {"-1", null, "offset"},
                new String[] {"ten", null, "offset"},
                new String[] {"10001", null, "offset"},
                new String[] {null, "0", "limit"},
                new String[] {null, "101", "limit"},
                new String[] {null, "2.5", "limit"},
                new String[] {null, "99999999999", "limit"})) {
            assertThatThrownBy(() -> Paging.of(bad[0], bad[1]))
                    .as("offset=%s limit=%s", bad[0], bad[1])
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT);
                        assertThat(e.fieldErrors())
                                .singleElement()
                                .satisfies(f -> assertThat(f.field()).isEqualTo(bad[2]));
                    });
        }
    }

    @Test
    void jobsAlikeInFitAndTitleAreOrderedByIdSoEveryRequestPagesThemTheSameWay() {
        Matching.Ranked a = ranked("b-id", "Welder", 80);
        Matching.Ranked b = ranked("a-id", "Welder", 80);
        Matching.Ranked better = ranked("z-id", "Welder", 90);
        Matching.Ranked earlierTitle = ranked("y-id", "Assembler", 80);
        List<Matching.Ranked> sorted = new ArrayList<>(List.of(a, b, better, earlierTitle));
        sorted.sort(Matching.BY_FIT);
        assertThat(sorted).containsExactly(better, earlierTitle, b, a);
        List<Matching.Ranked> reversed =
                new ArrayList<>(List.of(earlierTitle, better, b, a).reversed());
        reversed.sort(Matching.BY_FIT);
        assertThat(reversed).isEqualTo(sorted);
    }

    static Matching.Ranked ranked(String id, String title, int score) {
        return new Matching.Ranked(new Matching.Subject("job", id, title, "Employer", 0), score, 1, 2);
    }
}
