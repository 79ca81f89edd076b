package org.openler.skills.suggest;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Sentence embeddings from an ONNX model that ships inside a Maven Central jar (LangChain4j's in-process model jars:
 * the model and its tokenizer are class-path resources), so nothing is downloaded at run time. Vectors are exactly
 * LangChain4j's (same tokenizer, pooling and normalisation; tested), with the model run on a pool of threads of our
 * own, one text per run by default. Padded batches of several texts would double throughput on this machine, but the
 * quantized models quantize activations per run, so a text's vector would then depend on its batch-mates (cosine to
 * the unbatched vector down to 0.97): stored vectors must not depend on what happened to be embedded with them.
 */
public final class OnnxTextEncoder implements TextEncoder, AutoCloseable {

    /** The models on the class path. */
    public enum Model {
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "/all-minilm-l6-v2-q", 384, false, "", "", false),
        // the same model unquantized (4 × the size); its jar is on the test class path only, for the evaluation
        ALL_MINILM_L6_V2("all-minilm-l6-v2", "/all-minilm-l6-v2", 384, false, "", "", false),
        BGE_SMALL_EN_V15_Q(
                "bge-small-en-v1.5-q",
                "/bge-small-en-v1.5-q",
                384,
                true,
                // bge's model card: short queries against passages get this instruction in front
                "Represent this sentence for searching relevant passages: ",
                "",
                false),
        // e5 was trained with these prefixes on every text (its model card: "query: " and "passage: " for
        // asymmetric retrieval; without them quality drops), so they are not optional; mean pooling, like MiniLM
        E5_SMALL_V2_Q("e5-small-v2-q", "/e5-small-v2-q", 384, false, "query: ", "passage: ", true);

        private final String id;
        private final String resource;
        private final int dimensions;
        private final boolean clsPooling;
        private final String queryInstruction;
        private final String passagePrefix;
        private final boolean prefixesRequired;

        Model(
                String id,
                String resource,
                int dimensions,
                boolean clsPooling,
                String queryInstruction,
                String passagePrefix,
                boolean prefixesRequired) {
            this.id = id;
            this.resource = resource;
            this.dimensions = dimensions;
            this.clsPooling = clsPooling;
            this.queryInstruction = queryInstruction;
            this.passagePrefix = passagePrefix;
            this.prefixesRequired = prefixesRequired;
        }

        public String id() {
            return id;
        }

        /** By id ({@code all-minilm-l6-v2-q}) or constant name, case-insensitively. */
        public static Model named(String name) {
            for (Model model : values()) {
                if (model.id.equalsIgnoreCase(name) || model.name().equalsIgnoreCase(name.replace('-', '_'))) {
                    return model;
                }
            }
            throw new IllegalArgumentException("Unknown embedding model: " + name);
        }
    }

    /** Texts per model run; they are sorted by length first, so padding stays small. */
    private final int batchSize;
    /** BERT's limit, with its two special tokens. */
    private static final int MAX_TOKENS = 512;

    private final Model model;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final boolean queryInstruction;
    private final ExecutorService pool;
    private final int threads;

    public OnnxTextEncoder(Model model, int threads, boolean queryInstruction) {
        this(model, threads, queryInstruction, 1);
    }

    public OnnxTextEncoder(Model model, int threads, boolean queryInstruction, int batchSize) {
        this.model = model;
        this.batchSize = batchSize;
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, runnable -> {
            Thread thread = new Thread(runnable, "embeddings");
            thread.setDaemon(true);
            return thread;
        });
        this.queryInstruction = queryInstruction;
        try (InputStream onnx = resource(model.resource + ".onnx");
                InputStream vocabulary = resource(model.resource + "-tokenizer.json")) {
            this.environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1); // parallel across texts instead: no thread oversubscription
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(onnx.readAllBytes(), options);
            this.typeIds = session.getInputNames().contains("token_type_ids");
            this.tokenizer =
                    HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("The model " + model.id + " could not be read from the class path", e);
        } catch (OrtException e) {
            throw new IllegalStateException("The model " + model.id + " could not be loaded", e);
        }
    }

    public OnnxTextEncoder(Model model) {
        this(model, Runtime.getRuntime().availableProcessors(), false);
    }

    private static InputStream resource(String name) {
        InputStream in = OnnxTextEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The model jar is not on the class path: " + name);
        }
        return in;
    }

    @Override
    public String modelId() {
        return model.id + "@langchain4j-1.20.0-beta30";
    }

    @Override
    public int dimensions() {
        return model.dimensions;
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<long[]> ids = new ArrayList<>(texts.size());
        for (String text : texts) {
            Encoding encoding = tokenizer.encode(text.isBlank() ? " " : text, true, false);
            long[] tokens = encoding.getIds();
            if (tokens.length > MAX_TOKENS) {
                // keep [CLS] … and the closing [SEP]
                long[] cut = Arrays.copyOf(tokens, MAX_TOKENS);
                cut[MAX_TOKENS - 1] = tokens[tokens.length - 1];
                tokens = cut;
            }
            ids.add(tokens);
        }
        Integer[] order = IntStream.range(0, texts.size())
                .boxed()
                .sorted(Comparator.comparingInt(i -> ids.get(i).length))
                .toArray(Integer[]::new);
        List<Future<?>> running = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            Integer[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            Runnable task = () -> {
                float[][] vectors = run(Arrays.stream(batch).map(ids::get).toList());
                for (int i = 0; i < batch.length; i++) {
                    out[batch[i]] = vectors[i];
                }
            };
            if (threads == 1 || order.length <= batchSize) {
                task.run();
            } else {
                running.add(pool.submit(task));
            }
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while embedding", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return Arrays.asList(out);
    }

    private float[][] run(List<long[]> batch) {
        int width = batch.stream().mapToInt(t -> t.length).max().orElse(0);
        long[][] inputIds = new long[batch.size()][width];
        long[][] mask = new long[batch.size()][width];
        long[][] types = new long[batch.size()][width];
        for (int i = 0; i < batch.size(); i++) {
            long[] tokens = batch.get(i);
            System.arraycopy(tokens, 0, inputIds[i], 0, tokens.length);
            Arrays.fill(mask[i], 0, tokens.length, 1L);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, inputIds));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, mask));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, types));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] vectors = new float[batch.size()][];
                for (int i = 0; i < batch.size(); i++) {
                    vectors[i] = Vectors.normalised(pool(hidden[i], batch.get(i).length));
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model failed on a batch", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Mean over the text's own tokens (not the padding), or the [CLS] token's state, as the model was trained. */
    private float[] pool(float[][] states, int length) {
        if (model.clsPooling) {
            return states[0].clone();
        }
        float[] mean = new float[states[0].length];
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += states[t][d];
            }
        }
        for (int d = 0; d < mean.length; d++) {
            mean[d] /= length;
        }
        return mean;
    }

    @Override
    public String asQuery(String text) {
        return (queryInstruction || model.prefixesRequired) && !model.queryInstruction.isEmpty()
                ? model.queryInstruction + text.toLowerCase(Locale.ROOT)
                : text;
    }

    @Override
    public String asPassage(String text) {
        return model.passagePrefix + text;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            session.close();
            tokenizer.close();
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model could not be closed", e);
        }
    }
}
