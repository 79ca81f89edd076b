package org.openler.platform.talent;

import java.nio.file.Path;
import org.openler.platform.talent.index.LuceneTalentIndex;
import org.openler.platform.talent.index.Subjects;
import org.openler.platform.talent.index.TalentIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The talent index: embedded Lucene unless another engine is chosen ({@code openler.talent.index.engine}). In memory
 * by default (rebuilt from PostgreSQL at every start); in a directory with {@code openler.talent.index.path}.
 */
@Configuration(proxyBeanMethods = false)
class TalentIndexConfiguration {

    /** How the outbox and every index name a learner's document: keyed by the platform's talent secret. */
    @Bean
    Subjects talentSubjects(Pseudonyms pseudonyms) {
        return Subjects.keyed(pseudonyms::subjectKey);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "openler.talent.index.engine", havingValue = "lucene", matchIfMissing = true)
    TalentIndex luceneTalentIndex(@Value("${openler.talent.index.path:}") String path, Subjects subjects) {
        return path.isBlank() ? LuceneTalentIndex.inMemory(subjects) : LuceneTalentIndex.open(Path.of(path), subjects);
    }
}
