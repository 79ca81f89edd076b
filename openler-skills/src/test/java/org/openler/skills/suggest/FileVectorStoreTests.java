package org.openler.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileVectorStoreTests {

    @TempDir
    Path directory;

    private static final VectorStore.TextKey A = new VectorStore.TextKey("a", Vectors.textHash("alpha"));
    private static final VectorStore.TextKey B = new VectorStore.TextKey("b", Vectors.textHash("beta"));

    @Test
    void savedVectorsAreFoundByAnotherStoreOnTheSameDirectory() {
        new FileVectorStore(directory).save("m", Map.of(A, new float[] {1, 0}, B, new float[] {0, 1}));
        Map<VectorStore.TextKey, float[]> found = new FileVectorStore(directory).find("m", List.of(A, B));
        assertThat(found.get(A)).containsExactly(1, 0);
        assertThat(found.get(B)).containsExactly(0, 1);
        assertThat(new FileVectorStore(directory).find("another-model", List.of(A)))
                .isEmpty();
    }

    @Test
    void aRecordTornByAnInterruptedWriteIsCutOffAndLaterRecordsStayReadable() throws IOException {
        new FileVectorStore(directory).save("m", Map.of(A, new float[] {1, 0}));
        Path file;
        try (var files = Files.list(directory)) {
            file = files.findFirst().orElseThrow();
        }
        Files.write(file, new byte[] {0, 1, 'b'}, StandardOpenOption.APPEND);
        assertThat(new FileVectorStore(directory).find("m", List.of(A, B))).containsOnlyKeys(A);
        new FileVectorStore(directory).save("m", Map.of(B, new float[] {0, 1}));
        assertThat(new FileVectorStore(directory).find("m", List.of(A, B))).containsOnlyKeys(A, B);
    }

    @Test
    void precomputingTwiceEmbedsOnlyTheFirstTime() {
        Catalogue catalogue = new Catalogue(List.of(new Concept(
                "x",
                java.net.URI.create("https://example.org/x"),
                "esco",
                "breed rabbits",
                List.of("rabbit breeding"),
                "",
                ConceptKind.COMPETENCY)));
        var texts = new SemanticRanker.Texts(true, 1, false, 1);
        try (var encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q, 1, false)) {
            VectorStore store = new FileVectorStore(directory);
            assertThat(SemanticRanker.precompute(catalogue, texts, c -> true, encoder, store, p -> {}))
                    .isEqualTo(2);
            assertThat(SemanticRanker.precompute(
                            catalogue, texts, c -> true, encoder, new FileVectorStore(directory), p -> {}))
                    .isZero();
        }
    }
}
