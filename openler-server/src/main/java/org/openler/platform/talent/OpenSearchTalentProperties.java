package org.openler.platform.talent;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.openler.platform.talent.index.OpenSearchTalentIndex;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openler.talent.opensearch.*}: where the talent index lives when {@code openler.talent.index.engine=opensearch}
 * (docs/talent-search.md, "OpenSearch").
 *
 * @param url the cluster, e.g. {@code http://search.internal:9200}; {@code user:password@} in it for basic
 *     authentication. Required with the OpenSearch engine.
 * @param alias the name the server reads and writes; behind it, one concrete index that a rebuild replaces
 * @param shards primary shards of a new index
 * @param replicas replicas of a new index (0 on a single node)
 * @param timeout for connecting and for each answer
 */
@ConfigurationProperties("openler.talent.opensearch")
public record OpenSearchTalentProperties(
        @Nullable URI url,
        @DefaultValue(OpenSearchTalentIndex.DEFAULT_ALIAS) String alias,
        @DefaultValue("1") int shards,
        @DefaultValue("1") int replicas,
        @DefaultValue("30s") Duration timeout) {

    /** The index's settings; fails with a plain message when the URL is missing. */
    OpenSearchTalentIndex.Settings settings() {
        if (url == null) {
            throw new IllegalStateException("openler.talent.index.engine=opensearch needs openler.talent.opensearch.url"
                    + " (e.g. http://127.0.0.1:9200)");
        }
        return new OpenSearchTalentIndex.Settings(url, alias, shards, replicas, timeout);
    }
}
