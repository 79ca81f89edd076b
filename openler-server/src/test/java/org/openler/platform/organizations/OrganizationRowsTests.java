package org.openler.platform.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link OrganizationService} remembers organizations it has read, which is right only while no code changes or
 * removes a row of {@code organization}. Whoever adds a rename or a deletion meets this test and the cache together.
 */
class OrganizationRowsTests {

    private static final Pattern CHANGES_AN_ORGANIZATION = Pattern.compile(
            "(?i)\\b(update\\s+organization|delete\\s+from\\s+organization|merge\\s+into\\s+organization)\\b(?!_)");

    @Test
    void noCodeUpdatesOrDeletesAnOrganizationRow() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            offenders = files.filter(
                            f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                    .filter(f -> CHANGES_AN_ORGANIZATION.matcher(read(f)).find())
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders)
                .as("organization rows are cached by OrganizationService as immutable")
                .isEmpty();
    }

    @Test
    void thePatternWouldCatchARenameOrADeletion() {
        assertThat(CHANGES_AN_ORGANIZATION
                        .matcher("\"update organization set name = ?\"")
                        .find())
                .isTrue();
        assertThat(CHANGES_AN_ORGANIZATION
                        .matcher("delete from organization where id = ?")
                        .find())
                .isTrue();
        assertThat(CHANGES_AN_ORGANIZATION
                        .matcher("delete from organization_member where id = ?")
                        .find())
                .isFalse();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
