package org.openler.platform.registry;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;

/**
 * A credential of value as the JSON API reads and writes it. Every part may be missing from a request; reading one
 * collects every mistake at once, with the field it concerns.
 */
record CredentialFields(
        @Nullable String type,
        @Nullable String name,
        @Nullable String description,
        @Nullable String webpage,
        @Nullable String requirements,
        @Nullable Money cost,
        @Nullable String duration,
        @Nullable List<String> delivery,
        @Nullable List<PlaceFields> places,
        @Nullable List<Target> teaches,
        @Nullable List<Target> requires,
        @Nullable List<Target> occupations,
        @Nullable Money credit,
        @Nullable List<String> keywords,
        @Nullable Integer version) {

    /** A price (amount and ISO 4217 currency) or a credit value (amount and CTDL credit unit). */
    record Money(@Nullable BigDecimal amount, @Nullable String unit) {}

    record PlaceFields(
            @Nullable String locality,
            @Nullable String region,
            @Nullable String country) {}

    record Target(@Nullable String uri, @Nullable String label) {}

    static CredentialFields of(CredentialOfValue c, int version) {
        return new CredentialFields(
                c.type(),
                c.name(),
                c.description(),
                c.webpage().map(URI::toString).orElse(null),
                c.requirements(),
                c.cost().map(cost -> new Money(cost.price(), cost.currency())).orElse(null),
                c.duration().map(CredentialOfValue.EstimatedDuration::iso).orElse(null),
                c.delivery().stream().sorted().map(Enum::name).toList(),
                c.places().stream()
                        .map(p -> new PlaceFields(p.locality(), p.region(), p.country()))
                        .toList(),
                targets(c.teaches()),
                targets(c.requires()),
                targets(c.occupations()),
                c.credit()
                        .map(credit -> new Money(credit.value(), credit.unit()))
                        .orElse(null),
                c.keywords(),
                version);
    }

    private static List<Target> targets(List<CredentialOfValue.Alignment> alignments) {
        return alignments.stream()
                .map(a -> new Target(a.uri().toString(), a.label()))
                .toList();
    }

    CredentialOfValue read() {
        List<PlatformException.FieldError> errors = new ArrayList<>();
        Optional<URI> page = Optional.empty();
        if (webpage != null && !webpage.isBlank()) {
            page = httpUri(webpage);
            if (page.isEmpty()) {
                errors.add(new PlatformException.FieldError("webpage", "Give the web page as an http(s) address."));
            }
        }
        Optional<CredentialOfValue.Cost> price = Optional.empty();
        if (cost != null && cost.amount() != null) {
            try {
                price = Optional.of(new CredentialOfValue.Cost(
                        cost.amount(),
                        cost.unit() == null ? "USD" : cost.unit().strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new PlatformException.FieldError("cost", e.getMessage()));
            }
        }
        Optional<CredentialOfValue.Credit> credits = Optional.empty();
        if (credit != null && credit.amount() != null) {
            try {
                credits = Optional.of(new CredentialOfValue.Credit(
                        credit.amount(),
                        credit.unit() == null ? "" : credit.unit().strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new PlatformException.FieldError("credit", e.getMessage()));
            }
        }
        Optional<CredentialOfValue.EstimatedDuration> length = Optional.empty();
        if (duration != null && !duration.isBlank()) {
            try {
                length = Optional.of(
                        new CredentialOfValue.EstimatedDuration(duration.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new PlatformException.FieldError("duration", e.getMessage()));
            }
        }
        Set<CredentialOfValue.DeliveryMode> modes = EnumSet.noneOf(CredentialOfValue.DeliveryMode.class);
        for (String mode : orEmpty(delivery)) {
            CredentialOfValue.DeliveryMode.ofConcept(mode == null ? "" : mode.strip())
                    .ifPresentOrElse(
                            modes::add,
                            () -> errors.add(
                                    new PlatformException.FieldError("delivery", "Use IN_PERSON, ONLINE or BLENDED.")));
        }
        List<CredentialOfValue.Place> where = new ArrayList<>();
        for (PlaceFields place : orEmpty(places)) {
            try {
                where.add(new CredentialOfValue.Place(
                        nz(place == null ? null : place.locality()),
                        nz(place == null ? null : place.region()),
                        nz(place == null ? null : place.country())));
            } catch (IllegalArgumentException e) {
                errors.add(new PlatformException.FieldError("places", e.getMessage()));
            }
        }
        List<CredentialOfValue.Alignment> taught = alignments(teaches, "teaches", errors);
        List<CredentialOfValue.Alignment> required = alignments(requires, "requires", errors);
        List<CredentialOfValue.Alignment> jobs = alignments(occupations, "occupations", errors);
        List<String> words = orEmpty(keywords).stream()
                .map(CredentialFields::nz)
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
        CredentialOfValue credential = new CredentialOfValue(
                nz(type).strip(),
                nz(name).strip(),
                nz(description).strip(),
                page,
                nz(requirements).strip(),
                price,
                length,
                modes,
                where,
                taught,
                required,
                jobs,
                credits,
                words);
        errors.addAll(RegistryEntries.problems(credential));
        if (!errors.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Some fields are not valid.", errors);
        }
        return credential;
    }

    private static List<CredentialOfValue.Alignment> alignments(
            @Nullable List<Target> targets, String field, List<PlatformException.FieldError> errors) {
        List<CredentialOfValue.Alignment> alignments = new ArrayList<>();
        for (Target target : orEmpty(targets)) {
            Optional<URI> uri = httpUri(target == null ? "" : nz(target.uri()));
            if (uri.isEmpty()) {
                errors.add(new PlatformException.FieldError(field, "Give each one as an http(s) URI."));
                continue;
            }
            String label = target == null ? "" : nz(target.label()).strip();
            alignments.add(new CredentialOfValue.Alignment(
                    uri.get(), label.isEmpty() ? uri.get().toString() : label));
        }
        return alignments;
    }

    static Optional<URI> httpUri(String value) {
        String text = value.strip();
        if (text.length() > 2000) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }
}
