package org.openler.platform.bulk;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.openler.platform.problems.PlatformException;

/**
 * Coverage-guided fuzzing (Jazzer) of the bulk-issuance CSV: a file is split into rows (each issued or refused with
 * its own reason), or refused as a whole with a {@link PlatformException} (a 4xx problem); anything else would be a
 * 500 and is a finding.
 */
class BulkCsvFuzzTests {

    @FuzzTest(maxDuration = "3m")
    void bulkIssuanceCsv(byte[] file) {
        try {
            BulkCsv.parse(file, 1_000);
        } catch (PlatformException refused) {
            if (refused.problem().status().is5xxServerError()) {
                throw refused;
            }
        }
    }
}
