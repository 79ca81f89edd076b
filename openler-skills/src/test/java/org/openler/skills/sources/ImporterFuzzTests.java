package org.openler.skills.sources;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the framework importers an operator feeds files to: CASE, CTDL-ASN, RSD JSON and
 * RSD CSV. The contract: a file is read, or refused with a {@link SourceException} that says why (the import page and
 * start-up import turn it into a 4xx problem or a clear message); anything else is a finding. The default build
 * replays the corpus ({@code src/test/resources/org/openler/skills/sources/ImporterFuzzTestsInputs});
 * {@code -Pfuzz} fuzzes each target for a bounded time.
 */
class ImporterFuzzTests {

    @FuzzTest(maxDuration = "3m")
    void casePackage(byte[] file) {
        read(CustomFormat.CASE, file);
    }

    @FuzzTest(maxDuration = "3m")
    void ctdlAsnFramework(byte[] file) {
        read(CustomFormat.CTDL_ASN, file);
    }

    @FuzzTest(maxDuration = "3m")
    void rsdJson(byte[] file) {
        read(CustomFormat.RSD, file);
    }

    @FuzzTest(maxDuration = "3m")
    void rsdCsv(byte[] file) {
        read(CustomFormat.RSD_CSV, file);
    }

    private static void read(CustomFormat format, byte[] file) {
        try {
            format.read(file, "fuzz", "Fuzzed framework");
        } catch (SourceException refused) {
            // a refusal with a reason is the expected answer to a bad file
        }
    }
}
