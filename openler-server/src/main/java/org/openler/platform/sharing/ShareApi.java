package org.openler.platform.sharing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.web.QrCodes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in learner's shares as JSON: make one (the answer carries the link and its QR code, once), list them,
 * read one with its access log, revoke one. The link itself answers programs at {@code GET /share/{token}} with
 * {@code Accept: application/json}. A share may name a {@code target}, {@code "job:<id>"} (an open job) or {@code
 * "occupation:<O*NET-SOC code>"}; its fit is at {@code GET /share/{token}/fit}.
 */
@RestController
class ShareApi {

    private final Shares shares;
    private final PlatformUrls urls;

    ShareApi(Shares shares, PlatformUrls urls) {
        this.shares = shares;
        this.urls = urls;
    }

    record CreateRequest(
            @Nullable List<String> credentials,
            @Nullable String party,
            @Nullable String purpose,
            @Nullable String until,
            @Nullable Map<String, List<String>> claims,
            @Nullable String target) {}

    record ItemView(@Nullable UUID credentialId, String name, List<String> disclosedClaims) {}

    /** The share's target as the learner chose it: {@code job} or {@code occupation}, its id or code, its title. */
    record TargetView(String kind, String ref, String key, String title) {}

    record ShareView(
            UUID id,
            String party,
            String purpose,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            String status,
            List<ItemView> credentials,
            @Nullable TargetView target) {

        static ShareView of(Share share) {
            return new ShareView(
                    share.id(),
                    share.party(),
                    share.purpose(),
                    share.createdAt(),
                    share.expiresAt(),
                    share.revokedAt(),
                    share.status().name().toLowerCase(),
                    share.items().stream()
                            .map(i -> new ItemView(i.credentialId(), i.credentialName(), i.disclosedClaims()))
                            .toList(),
                    share.target() == null
                            ? null
                            : new TargetView(
                                    share.target().kind(),
                                    share.target().ref(),
                                    share.target().key(),
                                    share.target().title()));
        }
    }

    record CreatedView(ShareView share, String url, String qrCode) {}

    record AccessView(
            Instant at, String kind, String party, @Nullable String organization) {}

    record DetailView(ShareView share, List<AccessView> accessLog) {}

    @GetMapping(value = "/api/v1/shares", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    List<ShareView> list() {
        return shares.list(SharePages.learner()).stream().map(ShareView::of).toList();
    }

    @PostMapping(
            value = "/api/v1/shares",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    ResponseEntity<CreatedView> create(@RequestBody CreateRequest request) {
        Shares.Created created = shares.create(
                SharePages.learner(),
                ShareRequests.read(
                        request.credentials(),
                        request.party(),
                        request.purpose(),
                        request.until(),
                        request.claims(),
                        request.target()));
        String link = SharePages.link(urls, created.token());
        return ResponseEntity.created(
                        URI.create("/api/v1/shares/" + created.share().id()))
                .body(new CreatedView(ShareView.of(created.share()), link, QrCodes.svgDataUrl(link)));
    }

    @GetMapping(value = "/api/v1/shares/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    DetailView get(@PathVariable UUID id) {
        AccountId me = SharePages.learner();
        Share share = shares.get(me, new ShareId(id));
        return new DetailView(
                ShareView.of(share),
                shares.accesses(me, new ShareId(id)).stream()
                        .map(a -> new AccessView(
                                a.at(),
                                a.kind().name().toLowerCase(),
                                a.partyKind().name().toLowerCase(),
                                a.organizationName()))
                        .toList());
    }

    @PostMapping(value = "/api/v1/shares/{id}/revoke", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    ShareView revoke(@PathVariable UUID id) {
        return ShareView.of(shares.revoke(SharePages.learner(), new ShareId(id)));
    }
}
