package org.openler.platform.profile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.problems.PlatformException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The learner's self-asserted work and education history for the resume: add, correct, delete. */
@Service
public class Experiences {

    static final int MAX_TEXT = 200;
    static final int MAX_DESCRIPTION = 4000;

    private final ProfileStore store;
    private final Clock clock;

    Experiences(ProfileStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What the learner typed; dates as {@code yyyy-mm-dd} (a date input's value), the end empty while it goes on. */
    public record Input(String kind, String title, String organization, String start, String end, String description) {

        /** The form binds to this constructor; a field the browser did not send arrives as null and reads as empty. */
        public Input {
            kind = Objects.requireNonNullElse(kind, "");
            title = Objects.requireNonNullElse(title, "");
            organization = Objects.requireNonNullElse(organization, "");
            start = Objects.requireNonNullElse(start, "");
            end = Objects.requireNonNullElse(end, "");
            description = Objects.requireNonNullElse(description, "");
        }
    }

    public List<Experience> list(AccountId owner) {
        return store.experiences(owner);
    }

    public Experience get(AccountId owner, ExperienceId id) {
        return store.experience(owner, id.value()).orElseThrow(() -> PlatformException.notFound("The experience"));
    }

    @Transactional
    public UUID add(AccountId owner, Input input) {
        ProfileStore.ExperienceFields fields = fields(input);
        if (store.countExperiences(owner) >= ProfileStore.MAX_ROWS) {
            throw PlatformException.invalid(
                    "title", "A resume holds at most " + ProfileStore.MAX_ROWS + " experiences.");
        }
        return store.insertExperience(owner, fields, clock.instant());
    }

    @Transactional
    public void update(AccountId owner, ExperienceId id, Input input) {
        if (!store.updateExperience(owner, id.value(), fields(input), clock.instant())) {
            throw PlatformException.notFound("The experience");
        }
    }

    @Transactional
    public void delete(AccountId owner, ExperienceId id) {
        if (!store.deleteExperience(owner, id.value())) {
            throw PlatformException.notFound("The experience");
        }
    }

    static ProfileStore.ExperienceFields fields(Input input) {
        Experience.Kind kind = switch (input.kind().strip().toLowerCase(Locale.ROOT)) {
            case "work" -> Experience.Kind.WORK;
            case "education" -> Experience.Kind.EDUCATION;
            default -> throw PlatformException.invalid("kind", "Work or education.");
        };
        String title = required(input.title(), "title", "Give a title.");
        String organization = required(input.organization(), "organization", "Name the organization.");
        LocalDate start = date(input.start(), "start");
        LocalDate end = date(input.end(), "end");
        if (start != null && end != null && end.isBefore(start)) {
            throw PlatformException.invalid("end", "The end comes after the start.");
        }
        String description = input.description().strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw PlatformException.invalid("description", "At most " + MAX_DESCRIPTION + " characters.");
        }
        return new ProfileStore.ExperienceFields(kind, title, organization, start, end, description);
    }

    private static String required(String text, String field, String message) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw PlatformException.invalid(field, message);
        }
        if (value.length() > MAX_TEXT) {
            throw PlatformException.invalid(field, "At most " + MAX_TEXT + " characters.");
        }
        return value;
    }

    private static @Nullable LocalDate date(String text, String field) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                throw PlatformException.invalid(field, "A date between 1900 and 2200.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw PlatformException.invalid(field, "A date as yyyy-mm-dd.");
        }
    }
}
