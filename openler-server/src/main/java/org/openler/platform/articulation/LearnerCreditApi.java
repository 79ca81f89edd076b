package org.openler.platform.articulation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The learner's credit as JSON: what their credentials are worth where, and their credit requests. Asking again for
 * a rule already asked for answers the first request (200) instead of making a second (201).
 */
@RestController
class LearnerCreditApi {

    private final CreditRequests requests;
    private final CreditTranscripts transcripts;
    private final OrganizationService organizations;

    LearnerCreditApi(CreditRequests requests, CreditTranscripts transcripts, OrganizationService organizations) {
        this.requests = requests;
        this.transcripts = transcripts;
        this.organizations = organizations;
    }

    record NewTranscript(@Nullable String college) {}

    /**
     * The learner's own CLR 2.0 transcript of the credit a college awarded them, signed by the college, into their
     * wallet: 201, or 200 when the same awards were bundled before.
     */
    @PostMapping(
            value = "/me/credit-transcripts",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    ResponseEntity<String> transcript(@RequestBody NewTranscript body) {
        if (body.college() == null || body.college().isBlank()) {
            throw PlatformException.invalid("college", "Name the college (its short name, as in the index).");
        }
        Organization college =
                organizations.find(body.college().strip()).orElseThrow(() -> PlatformException.notFound("The college"));
        return ArticulationApi.transcriptResponse(transcripts.issue(college, learner(), Actors.current()));
    }

    record NewRequest(@Nullable String rule, @Nullable String credential) {}

    record OfferView(
            UUID credential,
            String credentialName,
            UUID rule,
            String college,
            String collegeName,
            BigDecimal credits,
            List<ArticulationRule.Course> courses,
            boolean automatic,
            @Nullable UUID request,
            @Nullable String requestStatus) {

        static OfferView of(CreditRequests.Offer o) {
            return new OfferView(
                    o.credential().id(),
                    o.credential().name(),
                    o.rule().id(),
                    o.rule().collegeSlug(),
                    o.rule().collegeName(),
                    o.rule().totalCredits(),
                    o.rule().courses(),
                    o.rule().automatic(),
                    o.requested().map(CreditRequests.CreditRequest::id).orElse(null),
                    o.requested()
                            .map(r -> r.status().name().toLowerCase(java.util.Locale.ROOT))
                            .orElse(null));
        }
    }

    @PostMapping(
            value = "/me/credit-requests",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    ResponseEntity<CreditRequests.CreditRequest> request(@RequestBody NewRequest body) {
        CreditRequests.Outcome outcome = requests.request(learner(), rule(body.rule()), credential(body.credential()));
        return ResponseEntity.status(outcome.created() ? 201 : 200).body(outcome.request());
    }

    @GetMapping(value = "/me/credit-requests", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    List<CreditRequests.CreditRequest> mine() {
        return requests.mine(learner());
    }

    @GetMapping(value = "/me/credit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    List<OfferView> offers() {
        return requests.offers(learner()).stream().map(OfferView::of).toList();
    }

    static UUID rule(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw PlatformException.invalid("rule", "Name the rule (its id) you ask credit for.");
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("rule", "A rule's id, as in the articulation index.");
        }
    }

    static Optional<UUID> credential(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("credential", "A credential's id in your wallet.");
        }
    }

    static AccountId learner() {
        Actor actor = Actors.current();
        if (actor instanceof Actor.Person person) {
            return person.accountId();
        }
        throw new IllegalStateException("A learner route without a signed-in person");
    }
}
