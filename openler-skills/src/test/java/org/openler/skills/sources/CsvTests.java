package org.openler.skills.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 as ESCO writes it: quoted fields with commas, doubled quotes and line breaks, CRLF or LF. */
class CsvTests {

    private static List<List<String>> read(String text) {
        List<List<String>> records = new ArrayList<>();
        Csv.read(new StringReader(text), ',', records::add);
        return records;
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        assertThat(read("uri,labels\r\nx,\"a, b\nc \"\"d\"\"\"\r\n"))
                .containsExactly(List.of("uri", "labels"), List.of("x", "a, b\nc \"d\""));
    }

    @Test
    void emptyFieldsAndBlankLinesAreKeptApart() {
        assertThat(read("a,,c\n\n,\n")).containsExactly(List.of("a", "", "c"), List.of("", ""));
    }

    @Test
    void aQuoteLeftOpenAtTheEndIsAnError() {
        assertThatThrownBy(() -> read("a,\"never closed\n"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("quoted");
    }

    @Test
    void aByteOrderMarkAtTheStartIsNotPartOfTheFirstField() {
        assertThat(read("\uFEFFachievement_id,recipient_email\r\n1,a@example.org\r\n"))
                .containsExactly(List.of("achievement_id", "recipient_email"), List.of("1", "a@example.org"));
    }

    @Test
    void crlfLfAndLoneCrAllEndARecordAndNoneLeavesAnEmptyOne() {
        assertThat(read("a,b\r\nc,d\re,f\ng,h"))
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"));
    }

    @Test
    void aCrlfInsideQuotesIsPartOfTheField() {
        assertThat(read("\"line one\r\nline two\",x\r\n")).containsExactly(List.of("line one\r\nline two", "x"));
    }

    @Test
    void doubledQuotesAndSeparatorsInsideQuotesAreText() {
        assertThat(read("\"say \"\"hi\"\"\",\"a,b\",\"\"\n")).containsExactly(List.of("say \"hi\"", "a,b", ""));
    }

    @Test
    void readAllCollectsTheSameRecordsAsTheStreamingRead() {
        String text = "\uFEFFuri,labels\r\nx,\"a\nb\"\r\n\r\ny,c\n";
        assertThat(Csv.readAll(new StringReader(text))).isEqualTo(read(text));
    }
}
