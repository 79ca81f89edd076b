package org.openler.platform.corrections;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.privacy.Access;
import org.openler.platform.privacy.HeldItem;
import org.openler.platform.privacy.IdMap;
import org.openler.platform.privacy.PersonalData;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The person's correction requests as a section. Restored after the wallet (they point at held credentials), and only
 * those addressed to an organization on this platform: a request to another OpenLER's issuer means nothing here.
 */
@Component
class CorrectionData implements PersonalData {

    private final CorrectionRequests requests;
    private final OrganizationService organizations;

    CorrectionData(CorrectionRequests requests, OrganizationService organizations) {
        this.requests = requests;
        this.organizations = organizations;
    }

    @Override
    public String section() {
        return "corrections";
    }

    @Override
    public int restoreOrder() {
        return 20;
    }

    @Override
    public List<HeldItem> summary(AccountId owner) {
        int count = requests.mine(owner).size();
        return count == 0 ? List.of() : List.of(new HeldItem("privacy.held.corrections", count));
    }

    @Override
    public List<Access> accesses(AccountId owner) {
        return requests.accesses(owner);
    }

    @Override
    public JsonNode export(AccountId owner) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (CorrectionRequest r : requests.mine(owner)) {
            var one = list.addObject();
            one.put("id", r.id().toString());
            one.put("organizationId", r.organization().value().toString());
            one.put("organization", r.organizationName());
            if (r.walletCredentialId() != null) {
                one.put("credentialId", r.walletCredentialId().toString());
            }
            one.put("credentialName", r.credentialName());
            one.put("message", r.message());
            one.put("state", r.state().name());
            if (r.reply() != null) {
                one.put("reply", r.reply());
            }
            one.put("createdAt", r.createdAt().toString());
            if (r.answeredAt() != null) {
                one.put("answeredAt", r.answeredAt().toString());
            }
        }
        return list;
    }

    @Override
    public void restore(AccountId owner, JsonNode section, IdMap ids) {
        if (!section.isArray()) {
            throw new PlatformException(Problem.UNPROCESSABLE, "The bundle's corrections section is not a list.");
        }
        for (JsonNode r : section) {
            OrganizationId organization;
            CorrectionRequest.State state;
            try {
                organization = new OrganizationId(
                        UUID.fromString(r.path("organizationId").asString("")));
                state = CorrectionRequest.State.valueOf(r.path("state").asString(""));
            } catch (IllegalArgumentException e) {
                throw new PlatformException(
                        Problem.UNPROCESSABLE, "A correction request in the bundle names no organization or state.");
            }
            if (organizations.find(organization).isEmpty()) {
                continue;
            }
            UUID credential =
                    ids.find("wallet", r.path("credentialId").asString("")).orElse(null);
            requests.insert(
                    UUID.randomUUID(),
                    owner,
                    organization,
                    credential,
                    clip(r.path("credentialName").asString("Credential"), 500),
                    clip(r.path("message").asString(""), CorrectionRequests.MAX_TEXT),
                    state.name(),
                    r.path("reply").isString() ? clip(r.path("reply").asString(), CorrectionRequests.MAX_TEXT) : null,
                    state == CorrectionRequest.State.OPEN
                            ? null
                            : instant(r.path("answeredAt").asString("")));
        }
    }

    private static @Nullable Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
