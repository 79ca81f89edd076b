package org.openler.platform.skills.load;

import java.util.Set;
import java.util.function.Supplier;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.skills.Framework;
import org.openler.platform.skills.FrameworkId;
import org.openler.platform.skills.FrameworkImported;
import org.openler.platform.skills.Frameworks;
import org.openler.platform.skills.ImportOutcome;
import org.openler.platform.skills.store.CrosswalkRequirements;
import org.openler.platform.skills.store.FrameworkWriter;
import org.openler.skills.sources.EscoReader;
import org.openler.skills.sources.FrameworkData;
import org.openler.skills.sources.OnetReader;
import org.openler.skills.sources.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a framework version gets in, whatever its format: read it (outside any transaction), compare its
 * content hash with a stored version of the same slug and version (same content: nothing to do), write it in one
 * transaction (a failure leaves nothing behind), re-derive crosswalk requirements when O*NET, ESCO or a crosswalk
 * changed, and only then publish {@link FrameworkImported}, so listeners see committed content.
 */
@Service
public class FrameworkImports {

    private static final Logger log = LoggerFactory.getLogger(FrameworkImports.class);
    private static final Set<String> CROSSWALKED = Set.of("onet", "esco", "crosswalk");

    private final FrameworkWriter writer;
    private final CrosswalkRequirements crosswalk;
    private final Frameworks frameworks;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    FrameworkImports(
            FrameworkWriter writer,
            CrosswalkRequirements crosswalk,
            Frameworks frameworks,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events) {
        this.writer = writer;
        this.crosswalk = crosswalk;
        this.frameworks = frameworks;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /** Reads with the given reader and stores the result; a source that cannot be read is a 422 with the reason. */
    public ImportOutcome load(Supplier<FrameworkData> reader) {
        long start = System.nanoTime();
        FrameworkData data;
        try {
            data = reader.get();
        } catch (SourceException e) {
            throw new PlatformException(Problem.UNPROCESSABLE, e.getMessage());
        }
        return store(data, start, System.nanoTime());
    }

    private ImportOutcome store(FrameworkData data, long start, long read) {
        String slug = data.info().slug();
        String version = data.info().version();
        var same = writer.find(slug, version);
        if (same.isPresent() && same.get().contentSha256().equals(data.info().contentSha256())) {
            return new ImportOutcome.Unchanged(framework(same.get().id()), seconds(start));
        }
        FrameworkId id;
        try {
            id = transactions.execute(status -> writer.write(data));
        } catch (DuplicateKeyException e) {
            // another instance stored the same slug and version a moment ago
            var now = writer.find(slug, version);
            if (now.isPresent() && now.get().contentSha256().equals(data.info().contentSha256())) {
                return new ImportOutcome.Unchanged(framework(now.get().id()), seconds(start));
            }
            throw new PlatformException(
                    Problem.CONFLICT, "The framework " + slug + " " + version + " was just stored.");
        }
        if (id == null) {
            throw new IllegalStateException("The import transaction returned nothing");
        }
        if (CROSSWALKED.contains(data.info().format())) {
            transactions.executeWithoutResult(
                    status -> crosswalk.derive(OnetReader.SLUG, EscoReader.SLUG, "crosswalk"));
        }
        Framework framework = framework(id);
        double seconds = seconds(start);
        log.info(
                "Imported {} {}: {} competencies, {} occupations in {} s (read {} s, stored {} s)",
                slug,
                version,
                framework.competencies(),
                framework.occupations(),
                String.format("%.1f", seconds),
                String.format("%.1f", (read - start) / 1e9),
                String.format("%.1f", (System.nanoTime() - read) / 1e9));
        events.publishEvent(new FrameworkImported(id, slug, version));
        return new ImportOutcome.Imported(framework, seconds);
    }

    private Framework framework(FrameworkId id) {
        return frameworks.find(id).orElseThrow();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
