package org.openler.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** e5-small-v2 only works as trained: "query: " / "passage: " in front, mean pooling, unit length. */
class E5EncoderTests {

    private static OnnxTextEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.E5_SMALL_V2_Q, 2, false);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void queriesAndLabelsGetE5sPrefixesEvenWithoutTheInstructionSwitch() {
        assertThat(encoder.asQuery("Welding")).isEqualTo("query: welding");
        assertThat(encoder.asPassage("perform metal inert gas welding"))
                .isEqualTo("passage: perform metal inert gas welding");
    }

    @Test
    void vectorsAreTheOnesLangChain4jsE5ModelGivesForTheSamePrefixedText() {
        // LangChain4j's class pools by the mean as well but adds no prefix: the same prefixed text must give the same
        // vector, so a wrong pooling (CLS) or a lost prefix in our encoder fails here
        var reference = new E5SmallV2QuantizedEmbeddingModel();
        List<String> texts = List.of(
                encoder.asQuery("You will build back-end services in Kotlin and run them on Kubernetes."),
                encoder.asPassage("Java (computer programming)"));
        List<float[]> ours = encoder.encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = Vectors.normalised(
                    reference.embed(TextSegment.from(texts.get(i))).content().vector());
            assertThat(Vectors.dot(ours.get(i), theirs, 0)).as(texts.get(i)).isGreaterThan(0.9999f);
        }
    }

    @Test
    void aSentenceIsCloserToTheSkillItNamesThanToAnUnrelatedSkill() {
        float[] query = encoder.encode(List.of(encoder.asQuery("We need someone who can write computer programs.")))
                .getFirst();
        List<float[]> labels =
                encoder.encode(List.of(encoder.asPassage("software development"), encoder.asPassage("breed rabbits")));
        assertThat(Vectors.dot(query, query, 0)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(Vectors.dot(query, labels.get(0), 0)).isGreaterThan(Vectors.dot(query, labels.get(1), 0) + 0.05f);
    }

    @Test
    void thePrefixesChangeTheVector() {
        // guards against a tokenizer that would silently drop them: then the prefix test above proves nothing
        List<float[]> v = encoder.encode(List.of("software development", encoder.asPassage("software development")));
        assertThat(Vectors.dot(v.get(0), v.get(1), 0)).isLessThan(0.99f);
    }

    @Test
    void catalogueLabelsAreEmbeddedAsPassagesAndStoredUnderTheLabelsOwnHash(@TempDir Path directory) {
        var concept = new Concept(
                "k1", URI.create("urn:test:k1"), "test", "software development", List.of(), "", ConceptKind.COMPETENCY);
        VectorStore store = new FileVectorStore(directory);
        SemanticRanker.build(
                new Catalogue(List.of(concept)), new SemanticRanker.Texts(false, 1, false, 1), encoder, store, p -> {});
        var key = new VectorStore.TextKey("k1", Vectors.textHash("software development"));
        float[] stored = store.find(encoder.modelId(), List.of(key)).get(key);
        float[] passage =
                encoder.encode(List.of("passage: software development")).getFirst();
        assertThat(Vectors.dot(stored, passage, 0)).isGreaterThan(0.9999f);
    }
}
