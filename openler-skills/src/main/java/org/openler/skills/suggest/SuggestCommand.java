package org.openler.skills.suggest;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./openler skills suggest [--top N] [--data-dir DIR]}: one text per line on stdin, one JSON line per text on
 * stdout, {@code {"input": …, "suggestions": [{"uri", "label", "framework", "score", "probability"}, …]}} — ESCO skills by their
 * concept URI. No database and no server: the engine ranks ESCO 1.1.1 as bundled in openler-data, and keeps the label
 * vectors it computes on first use in {@code DIR/skill-vectors} (progress on stderr), so later runs start at once.
 */
public final class SuggestCommand {

    private SuggestCommand() {}

    public static void main(String[] args) throws Exception {
        // stdout carries only the JSON lines: libraries that log to the console (DJL's tokenizer) go to stderr
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        int top = 10;
        Path dataDir = Path.of("data", "demo");
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.size() >= 2 && rest.get(0).equals("skills") && rest.get(1).equals("suggest")) {
            rest = rest.subList(2, rest.size());
        }
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--top" -> top = Integer.parseInt(value(rest, ++i, arg));
                case "--data-dir" -> dataDir = Path.of(value(rest, ++i, arg));
                default -> {
                    System.err.println("Unknown option: " + arg
                            + "\nUsage: ./openler skills suggest [--top N] [--data-dir DIR] < texts.txt");
                    System.exit(2);
                }
            }
        }
        if (top < 1 || top > 1000) {
            System.err.println("--top must be between 1 and 1000");
            System.exit(2);
        }
        PrintStream err = System.err;
        long start = System.nanoTime();
        Catalogue catalogue = EscoCatalogue.load(false);
        SuggestionEngine.Settings settings = SuggestionEngine.Settings.DEFAULT;
        LexicalRanker lexical =
                new LexicalRanker(catalogue, settings.lexicalAlternatives(), settings.lexicalAlternativeWeight());
        OnnxTextEncoder encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q);
        long[] lastReport = {0};
        SemanticRanker semantic = SemanticRanker.build(
                catalogue,
                settings.semanticTexts(),
                encoder,
                new FileVectorStore(dataDir.resolve("skill-vectors")),
                progress -> {
                    long now = System.nanoTime();
                    if (progress.embedded() > 0
                            && (now - lastReport[0] > 5_000_000_000L || progress.done() == progress.total())) {
                        lastReport[0] = now;
                        err.printf(
                                "Computing ESCO label vectors (first use only): %,d of %,d%n",
                                progress.done(), progress.total());
                    }
                });
        SuggestionEngine engine =
                new SuggestionEngine(catalogue, settings, lexical, semantic, SpanishLabels.ranker(catalogue, settings));
        err.printf(
                "Ready: %,d ESCO skills, %,d label vectors (%.1f s)%n",
                catalogue.size(), semantic.textCount(), (System.nanoTime() - start) / 1e9);

        JsonMapper json = JsonMapper.builder().build();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            List<Map<String, Object>> suggestions = new ArrayList<>();
            if (!line.isBlank()) {
                for (Suggestion s : engine.suggest(line, top, ConceptFilter.competencies())) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("uri", s.concept().uri().toString());
                    item.put("label", s.concept().preferredLabel());
                    item.put("framework", s.concept().framework());
                    item.put("score", Math.round(s.score() * 10000) / 10000.0);
                    if (!Double.isNaN(s.probability())) {
                        item.put("probability", Math.round(s.probability() * 10000) / 10000.0);
                    }
                    suggestions.add(item);
                }
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("input", line);
            answer.put("suggestions", suggestions);
            out.println(json.writeValueAsString(answer));
            out.flush();
        }
        encoder.close();
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args.get(i);
    }
}
