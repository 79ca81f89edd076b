package org.openler.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Actor;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The personal-data bundle: one JSON document with a format id and version, when it was exported, and each
 * section's export under its key. Importing is all or nothing, in one transaction, sections in restore order. A
 * section this platform does not know is refused rather than skipped: silently dropping part of someone's record is
 * worse than asking them to import it where it is understood.
 */
@Service
class Bundles {

    static final String FORMAT = "https://openler.org/personal-data-bundle";
    static final int VERSION = 1;

    /** The request limit: a bundle is uploaded like any other body. */
    static final int MAX_BYTES = 1_048_576;

    private static final Set<String> TOP_LEVEL = Set.of("format", "version", "exportedAt", "sections");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final PrivacyCenter center;
    private final AuditLog audit;
    private final Clock clock;

    Bundles(PrivacyCenter center, AuditLog audit, Clock clock) {
        this.center = center;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything the person's sections export, as the bytes of the download. */
    @Transactional(readOnly = true)
    byte[] export(Actor.Person person) {
        ObjectNode bundle = JsonNodeFactory.instance.objectNode();
        bundle.put("format", FORMAT);
        bundle.put("version", VERSION);
        bundle.put("exportedAt", clock.instant().toString());
        ObjectNode sections = bundle.putObject("sections");
        for (PersonalData section : center.sections()) {
            sections.set(section.section(), section.export(person.accountId()));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle);
    }

    void recordExport(Actor.Person person) {
        audit.record(AuditEvent.success(AuditAction.PERSONAL_DATA_EXPORTED, person, null, null));
    }

    /** Restores a bundle into the person's account; returns the sections restored, in the order they were. */
    @Transactional
    List<String> restore(Actor.Person person, byte[] body) {
        ObjectNode sections = sections(body);
        Set<String> known = new TreeSet<>();
        center.sections().forEach(s -> known.add(s.section()));
        Set<String> unknown = new TreeSet<>();
        sections.propertyNames().forEach(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE,
                    "The bundle has sections this OpenLER does not know: " + String.join(", ", unknown)
                            + ". Nothing was imported.");
        }
        IdMap ids = new IdMap();
        List<String> restored = new ArrayList<>();
        for (PersonalData section : center.sections()) {
            JsonNode node = sections.get(section.section());
            if (node == null || node.isNull()) {
                continue;
            }
            try {
                section.restore(person.accountId(), node, ids);
            } catch (PlatformException refused) {
                throw refused;
            } catch (RuntimeException malformed) {
                // A section that is valid JSON but not what its feature wrote: the person's mistake, not ours.
                throw new PlatformException(
                        Problem.UNPROCESSABLE,
                        "The bundle's '" + section.section() + "' section could not be read. Nothing was imported.");
            }
            restored.add(section.section());
        }
        audit.record(AuditEvent.success(AuditAction.PERSONAL_DATA_IMPORTED, person, null, null)
                .withDetail(String.join(",", restored)));
        return restored;
    }

    private static ObjectNode sections(byte[] body) {
        if (body.length == 0) {
            throw PlatformException.invalid("file", "Choose the bundle file you downloaded.");
        }
        if (body.length > MAX_BYTES) {
            throw new PlatformException(Problem.PAYLOAD_TOO_LARGE, "The bundle is larger than 1 MB.");
        }
        JsonNode bundle;
        try {
            bundle = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new PlatformException(
                    Problem.MALFORMED_REQUEST, "This file is not a personal-data bundle: it is not valid JSON.");
        }
        if (bundle == null
                || !bundle.isObject()
                || !FORMAT.equals(bundle.path("format").asString(""))) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE,
                    "This file is not an OpenLER personal-data bundle (its \"format\" is not " + FORMAT + ").");
        }
        if (!bundle.path("version").isIntegralNumber() || bundle.path("version").asInt() != VERSION) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE, "This bundle's version is not one this OpenLER reads (" + VERSION + ").");
        }
        for (String name : bundle.propertyNames()) {
            if (!TOP_LEVEL.contains(name)) {
                throw new PlatformException(
                        Problem.UNPROCESSABLE, "The bundle has an unexpected field \"" + clip(name) + "\".");
            }
        }
        if (!(bundle.get("sections") instanceof ObjectNode sections)) {
            throw new PlatformException(Problem.UNPROCESSABLE, "The bundle has no \"sections\" object.");
        }
        return sections;
    }

    private static String clip(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
