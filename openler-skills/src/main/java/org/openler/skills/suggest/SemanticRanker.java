package org.openler.skills.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Cosine similarity between a text and every concept's texts (its preferred label, and optionally its alternative
 * labels and description); a concept scores as its best text. Vectors come from a {@link VectorStore}; only texts
 * it does not hold are embedded, in batches that are saved as they finish, so an interrupted build resumes.
 */
public final class SemanticRanker {

    /** Which of a concept's texts are embedded, and how much an alternative label's or description's similarity counts. */
    public record Texts(
            boolean alternativeLabels, double alternativeWeight, boolean descriptions, double descriptionWeight) {}

    /** Progress while vectors are computed: texts done so far of the total. */
    public record Progress(int done, int total, int embedded) {}

    public static final int BATCH = 256;

    private final TextEncoder encoder;
    private final int conceptCount;
    private final int dimensions;
    private final float[] matrix;
    private final int[] ownerOfText;
    private final float[] weightOfText;

    private SemanticRanker(
            TextEncoder encoder, int conceptCount, float[] matrix, int[] ownerOfText, float[] weightOfText) {
        this.encoder = encoder;
        this.conceptCount = conceptCount;
        this.dimensions = encoder.dimensions();
        this.matrix = matrix;
        this.ownerOfText = ownerOfText;
        this.weightOfText = weightOfText;
    }

    /** The texts of each concept that this choice embeds, each with its key, its owner and its weight. */
    static List<ConceptText> texts(Catalogue catalogue, Texts choice, Predicate<Concept> embeds) {
        List<ConceptText> texts = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            Concept concept = catalogue.get(i);
            if (!embeds.test(concept)) {
                continue;
            }
            texts.add(new ConceptText(i, concept, concept.preferredLabel(), 1f));
            if (choice.alternativeLabels()) {
                for (String label : concept.alternativeLabels()) {
                    texts.add(new ConceptText(i, concept, label, (float) choice.alternativeWeight()));
                }
            }
            if (choice.descriptions() && !concept.description().isEmpty()) {
                texts.add(new ConceptText(i, concept, concept.description(), (float) choice.descriptionWeight()));
            }
        }
        return texts;
    }

    record ConceptText(int owner, Concept concept, String text, float weight) {
        VectorStore.TextKey key() {
            return new VectorStore.TextKey(concept.key(), Vectors.textHash(text));
        }
    }

    /**
     * Makes sure every text of the catalogue has a stored vector, embedding the missing ones batch by batch. Returns
     * how many were embedded.
     */
    public static int precompute(
            Catalogue catalogue,
            Texts choice,
            Predicate<Concept> embeds,
            TextEncoder encoder,
            VectorStore store,
            Consumer<Progress> progress) {
        List<ConceptText> texts = texts(catalogue, choice, embeds);
        Map<VectorStore.TextKey, String> wanted = new LinkedHashMap<>();
        for (ConceptText text : texts) {
            wanted.putIfAbsent(text.key(), text.text());
        }
        var present = store.find(encoder.modelId(), wanted.keySet()).keySet();
        List<Map.Entry<VectorStore.TextKey, String>> missing = wanted.entrySet().stream()
                .filter(e -> !present.contains(e.getKey()))
                .toList();
        int done = wanted.size() - missing.size();
        int embedded = 0;
        progress.accept(new Progress(done, wanted.size(), 0));
        for (int from = 0; from < missing.size(); from += BATCH) {
            var batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<float[]> vectors = encoder.encode(
                    batch.stream().map(e -> encoder.asPassage(e.getValue())).toList());
            Map<VectorStore.TextKey, float[]> out = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                out.put(batch.get(i).getKey(), vectors.get(i));
            }
            store.save(encoder.modelId(), out);
            embedded += batch.size();
            done += batch.size();
            progress.accept(new Progress(done, wanted.size(), embedded));
        }
        return embedded;
    }

    /** Builds the ranker over every concept's texts from stored vectors, embedding whatever is missing first. */
    public static SemanticRanker build(
            Catalogue catalogue, Texts choice, TextEncoder encoder, VectorStore store, Consumer<Progress> progress) {
        return build(catalogue, choice, concept -> true, encoder, store, progress);
    }

    /**
     * Builds the ranker over the texts of the concepts {@code embeds} accepts (the others have no semantic score),
     * from stored vectors, embedding whatever is missing first.
     */
    public static SemanticRanker build(
            Catalogue catalogue,
            Texts choice,
            Predicate<Concept> embeds,
            TextEncoder encoder,
            VectorStore store,
            Consumer<Progress> progress) {
        precompute(catalogue, choice, embeds, encoder, store, progress);
        List<ConceptText> texts = texts(catalogue, choice, embeds);
        Map<VectorStore.TextKey, float[]> stored = store.find(
                encoder.modelId(), texts.stream().map(ConceptText::key).toList());
        int dims = encoder.dimensions();
        float[] matrix = new float[texts.size() * dims];
        int[] owners = new int[texts.size()];
        float[] weights = new float[texts.size()];
        int row = 0;
        for (ConceptText text : texts) {
            float[] vector = stored.get(text.key());
            if (vector == null || vector.length != dims) {
                continue; // cannot happen after precompute unless the store lost it; the text is then left out
            }
            System.arraycopy(vector, 0, matrix, row * dims, dims);
            owners[row] = text.owner();
            weights[row] = text.weight();
            row++;
        }
        return new SemanticRanker(
                encoder,
                catalogue.size(),
                Arrays.copyOf(matrix, row * dims),
                Arrays.copyOf(owners, row),
                Arrays.copyOf(weights, row));
    }

    public TextEncoder encoder() {
        return encoder;
    }

    /** Number of embedded texts. */
    public int textCount() {
        return ownerOfText.length;
    }

    /** Each concept's similarity to the query vector: the best over its texts (NEGATIVE_INFINITY if none). */
    public float[] scores(float[] query) {
        float[] best = new float[conceptCount];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int row = 0; row < ownerOfText.length; row++) {
            float similarity = Vectors.dot(query, matrix, row * dimensions) * weightOfText[row];
            int owner = ownerOfText[row];
            if (similarity > best[owner]) {
                best[owner] = similarity;
            }
        }
        return best;
    }

    /** The query texts' vectors, as the model expects queries. */
    public List<float[]> encodeQueries(List<String> texts) {
        return encoder.encode(texts.stream().map(encoder::asQuery).toList());
    }
}
