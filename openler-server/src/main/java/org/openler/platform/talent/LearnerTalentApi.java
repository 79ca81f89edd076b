package org.openler.platform.talent;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The learner's side as JSON: their discovery setting, and the invitations they received, answered here. */
@RestController
class LearnerTalentApi {

    private final TalentDiscovery discovery;
    private final Invitations invitations;

    LearnerTalentApi(TalentDiscovery discovery, Invitations invitations) {
        this.discovery = discovery;
        this.invitations = invitations;
    }

    /** {@code location}: a region code from the list (ISO 3166-2, e.g. US-TX); {@code availability}: a word. */
    record DiscoveryRequest(
            @Nullable String mode,
            @Nullable List<String> credentials,
            @Nullable List<String> skills,
            @Nullable String location,
            @Nullable String availability) {

        DiscoveryRequest(@Nullable String mode, @Nullable List<String> credentials, @Nullable List<String> skills) {
            this(mode, credentials, skills, null, null);
        }
    }

    record DiscoveryView(
            String mode,
            List<UUID> credentials,
            List<URI> skills,
            @Nullable String location,
            @Nullable String availability) {
        static DiscoveryView of(DiscoverySetting s) {
            return new DiscoveryView(
                    s.mode().name().toLowerCase(Locale.ROOT),
                    s.credentials(),
                    s.skills(),
                    s.location().orElse(null),
                    s.availability().map(Availability::word).orElse(null));
        }
    }

    record AcceptRequest(
            @Nullable List<String> credentials, @Nullable String until) {}

    @GetMapping(value = "/me/discovery", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    DiscoveryView discovery() {
        return DiscoveryView.of(discovery.read(learner()));
    }

    @PutMapping(
            value = "/me/discovery",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    DiscoveryView setDiscovery(@RequestBody DiscoveryRequest request) {
        return DiscoveryView.of(discovery.write(learner(), setting(request)));
    }

    @GetMapping(value = "/me/invitations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    List<Invitations.ForLearner> received() {
        return invitations.received(learner());
    }

    @PostMapping(value = "/me/invitations/{id}/accept", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    Invitations.ForLearner accept(@PathVariable String id, @RequestBody AcceptRequest request) {
        List<UUID> credentials = new ArrayList<>();
        for (String c : request.credentials() == null ? List.<String>of() : request.credentials()) {
            credentials.add(TalentApi.uuid(c, "credentials")
                    .orElseThrow(() -> PlatformException.invalid("credentials", "Not an id.")));
        }
        return invitations.accept(learner(), new InvitationId(invitation(id)), credentials, day(request.until()));
    }

    @PostMapping(value = "/me/invitations/{id}/decline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    Invitations.ForLearner decline(@PathVariable String id) {
        return invitations.decline(learner(), new InvitationId(invitation(id)));
    }

    static DiscoverySetting setting(DiscoveryRequest request) {
        DiscoveryMode mode;
        try {
            mode = DiscoveryMode.valueOf(
                    (request.mode() == null ? "" : request.mode()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("mode", "Choose off, anonymous or internal.");
        }
        List<String> credentialTexts = request.credentials() == null ? List.of() : request.credentials();
        List<String> skillTexts = request.skills() == null ? List.of() : request.skills();
        if (credentialTexts.size() > TalentDiscovery.MAX_ITEMS || skillTexts.size() > TalentDiscovery.MAX_ITEMS) {
            throw PlatformException.invalid(
                    "credentials", "At most " + TalentDiscovery.MAX_ITEMS + " credentials and skills.");
        }
        List<UUID> credentials = new ArrayList<>();
        for (String c : credentialTexts) {
            credentials.add(TalentApi.uuid(c, "credentials")
                    .orElseThrow(() -> PlatformException.invalid("credentials", "Not an id.")));
        }
        List<URI> skills = new ArrayList<>();
        for (String s : skillTexts) {
            try {
                skills.add(new URI(s == null ? "" : s.strip()));
            } catch (URISyntaxException e) {
                throw PlatformException.invalid("skills", "A skill is named by its URI.");
            }
        }
        Optional<String> location = Optional.empty();
        if (request.location() != null && !request.location().isBlank()) {
            location = Optional.of(Regions.of(request.location())
                    .orElseThrow(() -> PlatformException.invalid("location", "Choose a region from the list."))
                    .code());
        }
        Optional<Availability> availability = Optional.empty();
        if (request.availability() != null && !request.availability().isBlank()) {
            availability = Optional.of(Availability.of(request.availability())
                    .orElseThrow(() ->
                            PlatformException.invalid("availability", "Choose now, within-3-months or not-looking.")));
        }
        return new DiscoverySetting(mode, credentials, skills, location, availability);
    }

    static UUID invitation(String id) {
        return TalentApi.uuid(id, "id").orElseThrow(() -> PlatformException.notFound("The invitation"));
    }

    static Optional<LocalDate> day(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw PlatformException.invalid("until", "A day, as 2026-05-31.");
        }
    }

    static AccountId learner() {
        return ((Actor.Person) Actors.current()).accountId();
    }
}
