package org.openler.platform.talent.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openler.platform.support.OpenSearchTestNode;

/**
 * The OpenSearch index passes the same contract as the embedded one, against a real OpenSearch node (3.x, started
 * from Maven Central's artifacts in a JVM of its own), plus what only a cluster has: an alias over concrete indices.
 */
class OpenSearchTalentIndexIT extends TalentIndexContract {

    private static final AtomicInteger ALIASES = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String alias = "";

    @Override
    protected TalentIndex newIndex() {
        alias = "contract-" + ProcessHandle.current().pid() + "-" + ALIASES.incrementAndGet();
        return OpenSearchTalentIndex.connect(settings(alias));
    }

    private static OpenSearchTalentIndex.Settings settings(String alias) {
        return new OpenSearchTalentIndex.Settings(OpenSearchTestNode.url(), alias, 1, 0, Duration.ofSeconds(30));
    }

    @Test
    void anotherServerSeesAWriteOnceItIsCommittedAndNotBefore() {
        index.put(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED)));
        try (TalentIndex other = OpenSearchTalentIndex.connect(settings(alias))) {
            assertThat(other.count()).isZero(); // queued here until a search, a read or the outbox's commit
        }

        index.commit();

        try (TalentIndex again = OpenSearchTalentIndex.connect(settings(alias))) {
            assertThat(again.count()).isEqualTo(1);
            assertThat(again.get(learner(1))).contains(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED)));
        }
    }

    @Test
    void twoServersOnOneAliasKeepTheNewestChangeWhicheverArrivesLast() throws Exception {
        String subject = index.subject(learner(1));
        TalentDocument newer = anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED));
        TalentDocument older = anonymous(1, Map.of(CNC, EvidenceKind.VERIFIED));
        try (TalentIndex slow = OpenSearchTalentIndex.connect(settings(alias))) {
            index.apply(List.of(new TalentIndex.Change(subject, 12, Optional.of(newer))));
            index.commit();
            // the other server derived its document before change 12 and sends it only now
            slow.apply(List.of(new TalentIndex.Change(subject, 11, Optional.of(older))));
            slow.commit(); // a conflict is not a failure: the outbox may mark the row applied

            assertThat(index.get(learner(1))).contains(newer);

            index.apply(List.of(new TalentIndex.Change(subject, 13, Optional.empty())));
            index.commit();
            slow.apply(List.of(new TalentIndex.Change(subject, 12, Optional.of(newer))));
            slow.commit();
        }
        assertThat(index.get(learner(1))).isEmpty();
        assertThat(index.count()).isZero();
        assertThat(index.top(query(WELD, 1.0), 10).total()).isZero();
        String everything = get("/" + alias + "/_search?size=100").body();
        assertThat(everything)
                .as("the tombstone names the subject only")
                .contains(subject)
                .doesNotContain(learner(1).value().toString());
    }

    @Test
    void searchesDuringARebuildSeeThePreviousContentAndTheOldIndexIsDroppedAfter() throws Exception {
        index.put(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED)));
        List<String> before = concreteIndices();
        List<Long> seenMidway = new ArrayList<>();
        Iterator<TalentDocument> fresh = List.of(
                        anonymous(2, Map.of(WELD, EvidenceKind.ENDORSED)),
                        anonymous(3, Map.of(WELD, EvidenceKind.ENDORSED)))
                .iterator();
        Iterator<TalentDocument> watching = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return fresh.hasNext();
            }

            @Override
            public TalentDocument next() {
                seenMidway.add(index.top(query(WELD, 1.0), 10).total());
                return fresh.next();
            }
        };

        index.rebuild(watching);

        assertThat(seenMidway).containsOnly(1L);
        assertThat(index.top(query(WELD, 1.0), 10).total()).isEqualTo(2);
        assertThat(before).hasSize(1);
        assertThat(concreteIndices()).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(get("/" + before.getFirst()).statusCode()).isEqualTo(404);
    }

    @Test
    void anIndexWhereTheAliasShouldBeIsNotTakenOver() throws Exception {
        String name = "taken-" + ProcessHandle.current().pid() + "-" + ALIASES.incrementAndGet();
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(OpenSearchTestNode.url().resolve("/" + name))
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);

        assertThatThrownBy(() -> OpenSearchTalentIndex.connect(settings(name)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expects an alias");
    }

    @Test
    void theMappingIsStrictSoNoOtherFieldAboutALearnerCanBeStored() throws Exception {
        index.put(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED)));

        HttpResponse<String> refused = HTTP.send(
                HttpRequest.newBuilder(OpenSearchTestNode.url().resolve("/" + alias + "/_doc/x"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"visibility\":\"ANONYMOUS\",\"name\":\"Izzy\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("strict_dynamic_mapping_exception");
    }

    private List<String> concreteIndices() throws IOException, InterruptedException {
        String body = get("/_alias/" + alias).body();
        List<String> names = new ArrayList<>();
        for (String part : body.split("\"")) {
            if (part.startsWith(alias + "-")) {
                names.add(part);
            }
        }
        return names;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(OpenSearchTestNode.url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
