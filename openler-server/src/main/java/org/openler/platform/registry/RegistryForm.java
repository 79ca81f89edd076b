package org.openler.platform.registry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;

/**
 * What the provider's form holds, as typed: alignments one per line ("address, space, name"), places one per line
 * ("locality, region, country"), keywords separated by commas. Echoed back, cut to size, when it has mistakes.
 */
public record RegistryForm(
        String type,
        String name,
        String description,
        String webpage,
        String requirements,
        String price,
        String currency,
        String duration,
        List<String> delivery,
        String places,
        String teaches,
        String requires,
        String occupations,
        String creditValue,
        String creditUnit,
        String keywords,
        String version) {

    /**
     * Spring binds the posted form to this constructor, and a field the browser did not send arrives as
     * {@code null}: it reads as empty (the currency as USD). At most three delivery modes are ticked.
     */
    public RegistryForm {
        type = orEmpty(type);
        name = orEmpty(name);
        description = orEmpty(description);
        webpage = orEmpty(webpage);
        requirements = orEmpty(requirements);
        price = orEmpty(price);
        currency = currency == null ? "USD" : currency;
        duration = orEmpty(duration);
        delivery = delivery == null
                ? List.of()
                : delivery.stream().filter(d -> !d.isBlank()).limit(3).toList();
        places = orEmpty(places);
        teaches = orEmpty(teaches);
        requires = orEmpty(requires);
        occupations = orEmpty(occupations);
        creditValue = orEmpty(creditValue);
        creditUnit = orEmpty(creditUnit);
        keywords = orEmpty(keywords);
        version = orEmpty(version);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    static RegistryForm empty() {
        return new RegistryForm(
                "Certificate", "", "", "", "", "", "USD", "", List.of(), "", "", "", "", "", "", "", "");
    }

    static RegistryForm of(CredentialOfValue c, int version) {
        return new RegistryForm(
                c.type(),
                c.name(),
                c.description(),
                c.webpage().map(Object::toString).orElse(""),
                c.requirements(),
                c.cost().map(cost -> cost.price().toPlainString()).orElse(""),
                c.cost().map(CredentialOfValue.Cost::currency).orElse("USD"),
                c.duration().map(CredentialOfValue.EstimatedDuration::iso).orElse(""),
                c.delivery().stream().map(Enum::name).toList(),
                String.join(
                        "\n",
                        c.places().stream()
                                .map(p -> p.locality() + ", " + p.region() + ", " + p.country())
                                .toList()),
                lines(c.teaches()),
                lines(c.requires()),
                lines(c.occupations()),
                c.credit().map(credit -> credit.value().toPlainString()).orElse(""),
                c.credit().map(CredentialOfValue.Credit::unit).orElse(""),
                String.join(", ", c.keywords()),
                Integer.toString(version));
    }

    /** Whether a delivery mode is ticked (for the checkboxes). */
    public boolean delivers(String mode) {
        return delivery.contains(mode);
    }

    private static String lines(List<CredentialOfValue.Alignment> alignments) {
        return String.join(
                "\n", alignments.stream().map(a -> a.uri() + " " + a.label()).toList());
    }

    /** The form read as a credential of value, with every mistake (its own syntax and the fields') at once. */
    CredentialOfValue read() {
        List<PlatformException.FieldError> errors = new ArrayList<>();
        CredentialFields fields = fields(errors);
        try {
            CredentialOfValue credential = fields.read();
            if (errors.isEmpty()) {
                return credential;
            }
        } catch (PlatformException e) {
            errors.addAll(e.fieldErrors());
        }
        throw new PlatformException(Problem.INVALID_INPUT, "Some fields are not valid.", errors);
    }

    /** The expected version of the entry (hidden in the form), if the form carries one. */
    Optional<Integer> expectedVersion() {
        try {
            return version.isBlank() ? Optional.empty() : Optional.of(Integer.valueOf(version.strip()));
        } catch (NumberFormatException e) {
            throw PlatformException.invalid("version", "Reload the page and try again.");
        }
    }

    /** The form read as the API's fields; mistakes in its own syntax (numbers, lines) are added to {@code errors}. */
    private CredentialFields fields(List<PlatformException.FieldError> errors) {
        CredentialFields.Money cost =
                price.isBlank() ? null : new CredentialFields.Money(number(price, "price", errors), currency.strip());
        CredentialFields.Money credit = creditValue.isBlank()
                ? null
                : new CredentialFields.Money(number(creditValue, "credit", errors), creditUnit.strip());
        List<CredentialFields.PlaceFields> where = new ArrayList<>();
        List<String> placeLines =
                places.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (placeLines.size() > 50) {
            errors.add(new PlatformException.FieldError("places", "At most 50 places."));
        } else {
            for (String line : placeLines) {
                String[] parts = line.split(",", -1);
                where.add(new CredentialFields.PlaceFields(
                        parts[0].strip(),
                        parts.length > 1 ? parts[1].strip() : "",
                        parts.length > 2 ? parts[2].strip() : ""));
            }
        }
        List<String> words = List.of(keywords.split(",")).stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
        List<CredentialFields.Target> taught = targets(teaches, "teaches", errors);
        List<CredentialFields.Target> required = targets(requires, "requires", errors);
        List<CredentialFields.Target> jobs = targets(occupations, "occupations", errors);
        return new CredentialFields(
                type,
                name,
                description,
                webpage,
                requirements,
                cost,
                duration,
                delivery,
                where,
                taught,
                required,
                jobs,
                credit,
                words,
                null);
    }

    private static @Nullable BigDecimal number(String text, String field, List<PlatformException.FieldError> errors) {
        try {
            if (text.strip().length() > 20) {
                throw new NumberFormatException();
            }
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new PlatformException.FieldError(field, "Give a number, e.g. 2450 or 12.5."));
            return null;
        }
    }

    private static List<CredentialFields.Target> targets(
            String text, String field, List<PlatformException.FieldError> errors) {
        List<String> lines =
                text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() > 200) {
            errors.add(new PlatformException.FieldError(field, "At most 200 lines."));
            return List.of();
        }
        return lines.stream()
                .map(line -> {
                    String[] parts = line.split("\\s+", 2);
                    return new CredentialFields.Target(parts[0], parts.length > 1 ? parts[1].strip() : "");
                })
                .toList();
    }

    RegistryForm cut() {
        return new RegistryForm(
                at(type, 60),
                at(name, 300),
                at(description, 4000),
                at(webpage, 2000),
                at(requirements, 4000),
                at(price, 20),
                at(currency, 3),
                at(duration, 30),
                delivery.stream().limit(3).map(d -> at(d, 20)).toList(),
                at(places, 5000),
                at(teaches, 20_000),
                at(requires, 20_000),
                at(occupations, 20_000),
                at(creditValue, 20),
                at(creditUnit, 60),
                at(keywords, 2000),
                at(version, 10));
    }

    private static String at(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
