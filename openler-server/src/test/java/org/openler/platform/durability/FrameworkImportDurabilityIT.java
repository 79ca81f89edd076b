package org.openler.platform.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.support.DemoBesideTheSuite;

/**
 * Imports into the demo's H2 file database survive however the process ends. {@code ./openler import} once lost 5 of
 * 7 imports: at exit the skill-suggestion refresh (started by the import) was interrupted inside an H2 read, which
 * closed the file channel and with it the database, before H2 had written the import's commit. Runs the real launcher
 * and the packaged server, then opens the database as the next start would.
 *
 * <p>Each case starts the packaged server one to four times, so the default suite keeps only the cheap ones: one
 * SIGTERM while the suggestion engine refreshes (one start: the interrupt that lost imports) and the launcher's heap
 * limits (JVMs stopped as soon as they run). The rest are tagged {@code durability} and run under {@code
 * -Pdurability} (docs/resilience.md); H2CommitSurvivesKillIT keeps the kill -9 proof of a commit in the default suite,
 * and FrameworkVersionsIT the refusal of other content under the same version.
 */
@DemoBesideTheSuite
class FrameworkImportDurabilityIT {

    /** Each import is a whole start of the server; three show the pattern (5 of 7 were lost before the fix). */
    private static final int FILES = 3;

    /** Starting the server takes seconds on a quiet machine and minutes on a loaded one. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    @Tag("durability")
    void everyImportByTheLauncherIsStoredAfterTheProcessExits() throws Exception {
        Path data = dir.resolve("data");
        // The bundled frameworks first: each import's refresh then reads a catalogue of ~30,000 concepts while the
        // import process exits, which is when the interrupt used to land.
        try (OpenlerProcess bundled =
                OpenlerProcess.demo(data, 0, dir.resolve("bundled.log"), "--openler.skills.exit-after-import=true")) {
            assertThat(bundled.awaitExit(PATIENCE))
                    .as("bundled load:\n%s", bundled.tail())
                    .isZero();
        }
        List<String> expected = new ArrayList<>(OpenlerProcess.frameworks(data));
        assertThat(expected).contains("onet", "esco");

        for (int i = 1; i <= FILES; i++) {
            Path file = rsdCsv(i, "Reads a dial gauge");
            try (OpenlerProcess imported = OpenlerProcess.launcher(
                    dir.resolve("import-" + i + ".log"),
                    "import",
                    "rsd-csv",
                    file.toString(),
                    "--name",
                    "Durable " + i,
                    "--data-dir",
                    data.toString())) {
                assertThat(imported.awaitExit(PATIENCE))
                        .as("import %d:\n%s", i, imported.tail())
                        .isZero();
                assertThat(imported.output()).contains("Imported rsd-durable-" + i);
            }
            expected.add("rsd-durable-" + i);
        }

        assertThat(OpenlerProcess.frameworks(data)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @Tag("durability")
    void anEditedFileUnderTheSameVersionIsRefusedWithTheReasonAndChangesNothing() throws Exception {
        Path data = dir.resolve("data");
        Path file = rsdCsv(1, "Reads a dial gauge");
        try (OpenlerProcess first = OpenlerProcess.launcher(
                dir.resolve("first.log"),
                "import",
                "rsd-csv",
                file.toString(),
                "--name",
                "Edited",
                "--data-dir",
                data.toString())) {
            assertThat(first.awaitExit(PATIENCE)).as(first.tail()).isZero();
        }
        Files.writeString(file, Files.readString(file).replace("Reads a dial gauge", "Reads a vernier calliper"));

        try (OpenlerProcess again = OpenlerProcess.launcher(
                dir.resolve("again.log"),
                "import",
                "rsd-csv",
                file.toString(),
                "--name",
                "Edited",
                "--data-dir",
                data.toString())) {
            assertThat(again.awaitExit(PATIENCE)).as(again.tail()).isEqualTo(1);
            assertThat(again.output())
                    .contains("Not imported, nothing changed")
                    .contains("already stored with other content. Give the new content a new version.");
        }
        assertThat(descriptions(data, "rsd-edited")).containsExactly("Reads a dial gauge 1.");
    }

    @Test
    @Tag("durability")
    void importsSurviveSigkillRightAfterTheyAreReported() throws Exception {
        importInARunningServerThenStop(false);
    }

    @Test
    void importsSurviveSigtermWhileTheSuggestionEngineRefreshes() throws Exception {
        importInARunningServerThenStop(true);
    }

    private void importInARunningServerThenStop(boolean gracefully) throws Exception {
        Path data = dir.resolve("data");
        List<String> specs = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        for (int i = 1; i <= FILES; i++) {
            specs.add("rsd-csv:" + rsdCsv(i, "Calibrates a torque wrench") + ":Killed " + i);
            slugs.add("rsd-killed-" + i);
        }
        int port = OpenlerProcess.freePort();
        try (OpenlerProcess server = OpenlerProcess.demo(
                data,
                port,
                dir.resolve("server.log"),
                "--openler.skills.load-bundled=false",
                "--openler.skills.imports=" + String.join(",", specs))) {
            server.awaitLog(Pattern.compile("Skills frameworks ready"), PATIENCE);
            if (gracefully) {
                assertThat(server.terminate()).as(server.tail()).isIn(0, 143);
                assertThat(server.output()).doesNotContain("The database has been closed", "ClosedByInterrupt");
            } else {
                server.kill();
            }
        }
        assertThat(OpenlerProcess.frameworks(data)).containsAll(slugs);
    }

    @Test
    void theLauncherLimitsTheHeapUnlessTheOperatorSaysOtherwise() throws Exception {
        Path data = dir.resolve("data");
        try (OpenlerProcess defaults = OpenlerProcess.launcher(
                dir.resolve("defaults.log"), "demo", "--port", "0", "--data-dir", data.toString())) {
            assertThat(defaults.jvmArguments()).contains("-Xmx1g", "-XX:MaxMetaspaceSize=256m");
        }
        try (OpenlerProcess chosen = OpenlerProcess.launcher(
                dir.resolve("chosen.log"),
                java.util.Map.of("OPENLER_JAVA_OPTS", "-Xmx700m"),
                "demo",
                "--port",
                "0",
                "--data-dir",
                data.toString())) {
            assertThat(chosen.jvmArguments()).contains("-Xmx700m").doesNotContain("-Xmx1g");
        }
    }

    private List<String> descriptions(Path data, String slug) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var c = OpenlerProcess.h2(data);
                var s = c.prepareStatement("select c.description from skill_competency c join skill_framework f"
                        + " on f.id = c.framework_id where f.slug = ? and c.kind = 'skill' order by c.label")) {
            s.setString(1, slug);
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        }
        return out;
    }

    /** A one-skill Rich Skill Descriptor CSV (the OSMT bulk format). */
    private Path rsdCsv(int i, String statement) throws IOException {
        Path file = dir.resolve("skills-" + i + "-" + statement.hashCode() + ".csv");
        Files.writeString(
                file,
                "Skill Name,Skill Category,Contextualized Skill Statement,Keywords\n" + "Gauge reading " + i
                        + ",Metrology," + statement + " " + i + ".,gauge; measurement\n");
        return file;
    }
}
