package org.openler.platform.talent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openler.platform.support.OpenSearchTestNode;
import org.openler.platform.talent.index.OpenSearchTalentIndex;
import org.openler.platform.talent.index.TalentIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Every end-to-end talent search test again, with the server configured for OpenSearch
 * ({@code openler.talent.index.engine=opensearch}) against the real test node: opting in and out, ranking, the
 * too-few rule and invitations behave the same whichever engine holds the index.
 */
@TestPropertySource(properties = {"openler.talent.index.engine=opensearch", "openler.talent.opensearch.replicas=0"})
class TalentSearchOnOpenSearchIT extends TalentSearchIT {

    @Autowired
    TalentIndex index;

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        registry.add(
                "openler.talent.opensearch.url", () -> OpenSearchTestNode.url().toString());
        registry.add(
                "openler.talent.opensearch.alias",
                () -> "talent-search-" + ProcessHandle.current().pid());
    }

    @Test
    void theIndexBehindTheseSearchesIsOpenSearch() {
        assertThat(index).isInstanceOf(OpenSearchTalentIndex.class);
    }
}
