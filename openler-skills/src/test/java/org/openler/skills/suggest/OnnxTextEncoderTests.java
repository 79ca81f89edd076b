package org.openler.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxTextEncoderTests {

    private static OnnxTextEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q, 2, false);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void batchedVectorsAreTheVectorsLangChain4jComputesOneTextAtATime() {
        List<String> texts = List.of(
                "Java (computer programming)",
                "manage musical staff",
                "You will design, build and maintain scalable back-end services in Kotlin and run them on Kubernetes.",
                "SQL");
        List<float[]> ours = encoder.encode(texts);
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = Vectors.normalised(
                    reference.embed(TextSegment.from(texts.get(i))).content().vector());
            assertThat(Vectors.dot(ours.get(i), theirs, 0)).as(texts.get(i)).isGreaterThan(0.9999f);
        }
    }

    @Test
    void vectorsHaveUnitLengthAndRelatedTextsAreCloserThanUnrelatedOnes() {
        List<float[]> v = encoder.encode(List.of("software development", "writing computer programs", "breed rabbits"));
        assertThat(Vectors.dot(v.get(0), v.get(0), 0)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(Vectors.dot(v.get(0), v.get(1), 0)).isGreaterThan(Vectors.dot(v.get(0), v.get(2), 0) + 0.2f);
    }
}
