package org.openler.platform.talent;

import org.openler.platform.talent.index.OpenSearchTalentIndex;
import org.openler.platform.talent.index.Subjects;
import org.openler.platform.talent.index.TalentIndex;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The talent index on OpenSearch, chosen with {@code openler.talent.index.engine=opensearch} (the embedded Lucene
 * index is the default, {@code TalentIndexConfiguration}). The server connects at start and creates the alias with an
 * empty index if the cluster has none; an unreachable cluster fails the start with the URL (never its password).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "openler.talent.index.engine", havingValue = "opensearch")
class OpenSearchTalentIndexConfiguration {

    @Bean(destroyMethod = "close")
    TalentIndex openSearchTalentIndex(OpenSearchTalentProperties properties, Subjects subjects) {
        return OpenSearchTalentIndex.connect(properties.settings(), subjects);
    }
}
