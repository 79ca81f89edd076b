package org.openler.platform.transparency;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.transparency.NoteVerifierKey;

/**
 * {@code ./openler log audit URL [--from CHECKPOINT_FILE] [--key VERIFIER_KEY] [--save FILE] [--no-replay]}: audits a
 * log over its public API (see {@link LogAuditor}). Exit status 0 when the log checks out, 1 when it forked, rolled
 * back or rewrote an entry, 2 for a usage or network error.
 */
public final class LogAuditCommand {

    private static final String USAGE = "Usage: ./openler log audit URL [--from CHECKPOINT_FILE] [--key VERIFIER_KEY]"
            + " [--save FILE] [--no-replay]";

    private LogAuditCommand() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.size() >= 2 && rest.get(0).equals("log") && rest.get(1).equals("audit")) {
            rest = new ArrayList<>(rest.subList(2, rest.size()));
        }
        Optional<String> url = Optional.empty();
        Optional<Path> from = Optional.empty();
        Optional<Path> save = Optional.empty();
        Optional<String> pinned = Optional.empty();
        boolean replay = true;
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--from" -> from = Optional.of(Path.of(value(rest, ++i)));
                case "--save" -> save = Optional.of(Path.of(value(rest, ++i)));
                case "--key" -> pinned = Optional.of(value(rest, ++i));
                case "--no-replay" -> replay = false;
                default -> {
                    if (arg.startsWith("-") || url.isPresent()) {
                        System.err.println("Unknown argument: " + arg + "\n" + USAGE);
                        return 2;
                    }
                    url = Optional.of(arg);
                }
            }
        }
        if (url.isEmpty() || rest.contains("")) {
            System.err.println(USAGE);
            return 2;
        }
        try {
            LogAuditor auditor = new LogAuditor(URI.create(url.get()));
            NoteVerifierKey key;
            if (pinned.isPresent()) {
                key = NoteVerifierKey.parse(pinned.get());
            } else {
                key = auditor.publishedKey();
                System.out.println("Log key (as the log publishes it; pin it with --key): " + key.encode());
            }
            Optional<String> saved = from.isPresent()
                    ? Optional.of(Files.readString(from.get(), StandardCharsets.UTF_8))
                    : Optional.empty();
            LogAuditor.Report report = auditor.audit(key, saved, replay);
            report.findings().forEach(line -> System.out.println("ok: " + line));
            report.problems().forEach(line -> System.out.println("PROBLEM: " + line));
            if (save.isPresent() && report.clean()) {
                Files.writeString(save.get(), auditor.latestNote(), StandardCharsets.UTF_8);
                System.out.println("Saved the latest checkpoint to " + save.get());
            }
            System.out.println(report.clean() ? "The log checks out." : "The log does NOT check out.");
            return report.clean() ? 0 : 1;
        } catch (IOException | StandardsException | IllegalArgumentException e) {
            System.err.println("Audit could not run: " + e.getMessage());
            return 2;
        }
    }

    private static String value(List<String> args, int i) {
        return i < args.size() ? args.get(i) : "";
    }
}
