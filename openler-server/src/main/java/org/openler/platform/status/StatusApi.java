package org.openler.platform.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.issuers.Issuer;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.problems.PlatformException;
import org.openler.standards.status.StatusPurpose;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's status lists, public (the Bitstring Status List credentials and, beside each revocation list,
 * its IETF Token Status List), and the VC-API status update {@code POST /orgs/<org>/credentials/status}, which revokes,
 * suspends or reinstates ({@code "status": "revoked" | "suspended" | "active"}).
 */
@RestController
class StatusApi {

    private final Issuers issuers;
    private final StatusLists statusLists;
    private final TokenStatusLists tokenStatusLists;
    private final CredentialStatuses statuses;

    StatusApi(
            Issuers issuers, StatusLists statusLists, TokenStatusLists tokenStatusLists, CredentialStatuses statuses) {
        this.issuers = issuers;
        this.statusLists = statusLists;
        this.tokenStatusLists = tokenStatusLists;
        this.statuses = statuses;
    }

    @GetMapping("/orgs/{org}/status/{purpose}/{number}")
    @Access(Audience.PUBLIC)
    ResponseEntity<String> statusList(
            @PathVariable String org, @PathVariable String purpose, @PathVariable int number) {
        Issuer issuer = issuers.get(org);
        StatusPurpose statusPurpose = switch (purpose) {
            case "revocation" -> StatusPurpose.REVOCATION;
            case "suspension" -> StatusPurpose.SUSPENSION;
            default -> throw PlatformException.notFound("That status list");
        };
        String document = statusLists
                .published(issuer, statusPurpose, number)
                .orElseThrow(() -> PlatformException.notFound("That status list"));
        // Short public caching: verifiers may cache, and a revocation shows within five minutes.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(MediaType.APPLICATION_JSON)
                .body(document);
    }

    /**
     * The IETF Token Status List beside a revocation list: what SD-JWT VCs name in {@code status.status_list}. A JWT
     * signed with the organization's ES256 key; 2 bits per credential (0 valid, 1 revoked, 2 suspended).
     */
    @GetMapping("/orgs/{org}/status/{purpose}/{number}/token")
    @Access(Audience.PUBLIC)
    ResponseEntity<String> tokenStatusList(
            @PathVariable String org, @PathVariable String purpose, @PathVariable int number) {
        Issuer issuer = issuers.get(org);
        if (!purpose.equals("revocation")) {
            throw PlatformException.notFound("That status list"); // one 2-bit list tells revoked and suspended
        }
        String token = tokenStatusLists
                .token(issuer, number)
                .orElseThrow(() -> PlatformException.notFound("That status list"));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(TokenStatusLists.TTL_SECONDS))
                        .cachePublic())
                .contentType(MediaType.parseMediaType(TokenStatusLists.MEDIA_TYPE))
                .body(token);
    }

    record StatusChange(@Nullable String type, @Nullable String status) {}

    record StatusRequest(
            @Nullable String credentialId, @Nullable List<StatusChange> credentialStatus) {}

    @PostMapping("/orgs/{org}/credentials/status")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.CHANGE_CREDENTIAL_STATUS, machineClients = true)
    ResponseEntity<Void> updateStatus(@PathVariable String org, @RequestBody StatusRequest request) {
        Issuer issuer = issuers.get(org);
        String id = nz(request.credentialId());
        CredentialId credential = credentialId(id.startsWith("urn:uuid:") ? id.substring(9) : id);
        if (request.credentialStatus() == null || request.credentialStatus().size() != 1) {
            throw PlatformException.invalid("credentialStatus", "Give exactly one status change.");
        }
        String wanted = nz(request.credentialStatus().get(0).status());
        CredentialStatus target = CredentialStatus.named(wanted).orElseThrow(() -> {
            // An unknown credential is told first, as it always was; then the unknown status.
            statuses.statusOf(issuer.organization(), credential)
                    .orElseThrow(() -> PlatformException.notFound("The credential"));
            return PlatformException.invalid("status", "Use \"revoked\", \"suspended\" or \"active\".");
        });
        statuses.change(issuer.organization(), credential, target, Actors.current());
        return ResponseEntity.ok().build();
    }

    private static CredentialId credentialId(String value) {
        try {
            return new CredentialId(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("credentialId", "Not a valid id.");
        }
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }
}
