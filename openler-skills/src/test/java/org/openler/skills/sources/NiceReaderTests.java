package org.openler.skills.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** NICE Framework components v2.0.0 from openler-data; the counts are those its SOURCE.md states. */
class NiceReaderTests {

    @Test
    void readsFortyOneWorkRolesWithTheirTasksKnowledgeAndSkills() {
        FrameworkData nice = NiceReader.read();
        assertThat(nice.info().version()).isEqualTo("2.0.0");
        assertThat(nice.occupations()).hasSize(41);
        Map<String, Long> kinds =
                nice.concepts().stream().collect(Collectors.groupingBy(Concept::kind, Collectors.counting()));
        assertThat(kinds)
                .containsEntry("task", 942L)
                .containsEntry("knowledge", 631L)
                .containsEntry("skill", 538L)
                .containsEntry("competency-area", 11L);
        // work_role -> knowledge 2,856, -> task 1,429, -> skill 1,051
        assertThat(nice.requirements()).hasSize(2_856 + 1_429 + 1_051).allMatch(Need::essential);
        assertThat(nice.broader()).hasSize(67 + 56);
    }
}
