package org.openler.platform.transparency;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        return run(args, System.out, System.err);
    }

    /** The command with its output and errors where the caller wants them (a test reads them). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
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
                        err.println("Unknown argument: " + arg + "\n" + USAGE);
                        return 2;
                    }
                    url = Optional.of(arg);
                }
            }
        }
        if (url.isEmpty() || rest.contains("")) {
            err.println(USAGE);
            return 2;
        }
        try {
            LogAuditor auditor = new LogAuditor(URI.create(url.get()));
            NoteVerifierKey key;
            if (pinned.isPresent()) {
                key = NoteVerifierKey.parse(pinned.get());
            } else {
                key = auditor.publishedKey();
                out.println("Log key (as the log publishes it; pin it with --key): " + key.encode());
            }
            Optional<String> saved = from.isPresent()
                    ? Optional.of(Files.readString(from.get(), StandardCharsets.UTF_8))
                    : Optional.empty();
            LogAuditor.Report report = auditor.audit(key, saved, replay);
            report.findings().forEach(line -> out.println("ok: " + line));
            report.problems().forEach(line -> out.println("PROBLEM: " + line));
            if (save.isPresent() && report.clean() && report.note().isPresent()) {
                // The note this audit checked, not one fetched again: the log may have moved on (or failed) since,
                // and a checkpoint saved without its consistency check would vouch for a history nobody audited.
                save(save.get(), report.note().get());
                out.println("Saved the latest checkpoint to " + save.get());
            }
            out.println(report.clean() ? "The log checks out." : "The log does NOT check out.");
            return report.clean() ? 0 : 1;
        } catch (IOException | StandardsException | IllegalArgumentException e) {
            err.println("Audit could not run: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Whole or not at all: written beside the target and moved over it, so an audit stopped half-way (a full disk, a
     * kill) leaves the checkpoint saved before, never a cut note that the next audit would reject as unsigned.
     */
    private static void save(Path target, String note) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temporary, note, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String value(List<String> args, int i) {
        return i < args.size() ? args.get(i) : "";
    }
}
