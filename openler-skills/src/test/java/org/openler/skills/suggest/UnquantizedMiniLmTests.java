package org.openler.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unquantized MiniLM the evaluation compares with the shipped quantized one: its vectors must be LangChain4j's,
 * and never be mixed with the quantized model's in a vector store.
 */
class UnquantizedMiniLmTests {

    private static OnnxTextEncoder full;
    private static OnnxTextEncoder quantized;

    @BeforeAll
    static void load() {
        full = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2, 2, false);
        quantized = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q, 2, false);
    }

    @AfterAll
    static void close() {
        full.close();
        quantized.close();
    }

    @Test
    void vectorsAreTheOnesLangChain4jsUnquantizedModelGives() {
        var reference = new AllMiniLmL6V2EmbeddingModel();
        List<String> texts =
                List.of("You will build back-end services in Kotlin and run them on Kubernetes.", "Java (programming)");
        List<float[]> ours = full.encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = Vectors.normalised(
                    reference.embed(TextSegment.from(texts.get(i))).content().vector());
            assertThat(Vectors.dot(ours.get(i), theirs, 0)).as(texts.get(i)).isGreaterThan(0.9999f);
        }
    }

    @Test
    void quantizationMovesTheVectorsSoTheTwoModelsAreStoredApart(@TempDir Path directory) {
        // close but not equal: a store keyed by label alone would silently serve one model's vectors to the other
        String text = "perform metal inert gas welding";
        float[] f = full.encode(List.of(text)).getFirst();
        float[] q = quantized.encode(List.of(text)).getFirst();
        assertThat(Vectors.dot(f, q, 0)).isGreaterThan(0.9f).isLessThan(0.9999f);
        assertThat(full.modelId()).isNotEqualTo(quantized.modelId());

        var concept = new Concept("k1", URI.create("urn:test:k1"), "test", text, List.of(), "", ConceptKind.COMPETENCY);
        VectorStore store = new FileVectorStore(directory);
        var texts = new SemanticRanker.Texts(false, 1, false, 1);
        SemanticRanker.build(new Catalogue(List.of(concept)), texts, quantized, store, p -> {});
        SemanticRanker.build(new Catalogue(List.of(concept)), texts, full, store, p -> {});
        var key = new VectorStore.TextKey("k1", Vectors.textHash(text));
        assertThat(Vectors.dot(store.find(full.modelId(), List.of(key)).get(key), f, 0))
                .isGreaterThan(0.9999f);
        assertThat(Vectors.dot(
                        new FileVectorStore(directory)
                                .find(quantized.modelId(), List.of(key))
                                .get(key),
                        q,
                        0))
                .isGreaterThan(0.9999f);
    }
}
