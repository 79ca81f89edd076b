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
 * {@code ./openler titles suggest [--top N]}: one job title per line on stdin, one JSON line per title on stdout,
 * {@code {"input": …, "suggestions": [{"uri", "onet", "label", "score"}, …]}} — ESCO occupations by concept URI with
 * their O*NET-SOC code, best first. No database and no server: the title mapper ranks ESCO 1.1.1's English and Spanish
 * labels as bundled in openler-data (BM25) fused with the bundled MiniLM model's similarity; the 3,007 occupation
 * label vectors are computed on first use into {@code DIR/title-vectors} (a few seconds) and read afterwards.
 */
public final class TitleCommand {

    private TitleCommand() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        int top = 10;
        Path dataDir = Path.of("data", "demo");
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.size() >= 2 && rest.get(0).equals("titles") && rest.get(1).equals("suggest")) {
            rest = rest.subList(2, rest.size());
        }
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.equals("--data-dir") && i + 1 < rest.size()) {
                dataDir = Path.of(rest.get(++i));
            } else if (arg.equals("--top") && i + 1 < rest.size()) {
                try {
                    top = Integer.parseInt(rest.get(++i));
                } catch (NumberFormatException e) {
                    top = -1;
                }
            } else {
                System.err.println("Unknown option: " + arg
                        + "\nUsage: ./openler titles suggest [--top N] [--data-dir DIR] < titles.txt");
                System.exit(2);
            }
        }
        if (top < 1 || top > 1000) {
            System.err.println("--top must be between 1 and 1000");
            System.exit(2);
        }
        long start = System.nanoTime();
        OnnxTextEncoder encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q);
        TitleIndex index = TitleIndex.bundled(encoder, new FileVectorStore(dataDir.resolve("title-vectors")));
        System.err.printf(
                "Ready: %,d ESCO occupations (%.1f s)%n",
                index.occupations().catalogue().size(), (System.nanoTime() - start) / 1e9);
        JsonMapper json = JsonMapper.builder().build();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            out.println(json.writeValueAsString(answer(line, line.isBlank() ? List.of() : index.suggest(line, top))));
            out.flush();
        }
        encoder.close();
    }

    /** One title's JSON object, as the CLI and the API write it. */
    public static Map<String, Object> answer(String input, List<TitleSuggestion> suggestions) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (TitleSuggestion s : suggestions) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("uri", s.uri().toString());
            item.put("onet", s.onet().isEmpty() ? null : s.onet());
            item.put("label", s.label());
            item.put("score", Math.round(s.score() * 10000) / 10000.0);
            items.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("input", input);
        answer.put("suggestions", items);
        return answer;
    }
}
