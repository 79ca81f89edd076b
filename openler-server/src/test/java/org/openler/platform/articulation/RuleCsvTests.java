package org.openler.platform.articulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openler.platform.problems.PlatformException;

/** The registrar's CSV as text: RFC 4180 records in, safe cells out. */
class RuleCsvTests {

    private static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        RuleCsv.read(new StringReader(text), out::add);
        return out;
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        assertThat(records("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\n\r\nlast,row"))
                .containsExactly(
                        List.of("a", "b, c", "say \"hi\""), List.of("two\nlines", "x", ""), List.of("last", "row"));
    }

    @Test
    void aQuoteLeftOpenAtTheEndIsAnErrorNotAMergedRecord() {
        assertThatThrownBy(() -> records("a,\"never closed\r\nb,c"))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("Some fields");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreExportedAsText() {
        assertThat(RuleCsv.quote("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(RuleCsv.quote("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(RuleCsv.quote("-3")).isEqualTo("-3");
        assertThat(RuleCsv.quote("MOS 25B, IT Specialist")).isEqualTo("\"MOS 25B, IT Specialist\"");
    }

    @Test
    void whatIsExportedReadsBackAsTheSameCells() {
        List<String> cells = List.of("CIS 110", "Intro, \"hardware\"", "line\nbreak", "");
        String line = String.join(",", cells.stream().map(RuleCsv::quote).toList());
        assertThat(records(line + "\r\n")).containsExactly(cells);
    }
}
