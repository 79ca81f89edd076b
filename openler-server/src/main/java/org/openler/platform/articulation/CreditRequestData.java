package org.openler.platform.articulation;

import java.util.List;
import org.openler.platform.articulation.CreditRequests.CreditRequest;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.privacy.HeldItem;
import org.openler.platform.privacy.IdMap;
import org.openler.platform.privacy.PersonalData;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The credit section of what OpenLER holds about a learner: each credit request (the college, the rule and version,
 * the courses and credits, the status, the college's reason, which held credentials were shared, the credentials
 * awarded). A restore brings nothing back on purpose: a request is an exchange with a college, made again in the new
 * account if wanted; the awarded credit credentials themselves come back through the wallet section. The share each
 * request made is a consent in the sharing section. On deletion the requests and the college's record of the awards
 * go with the account (foreign keys cascade); the credit credentials stay issued, like every credential.
 */
@Component
class CreditRequestData implements PersonalData {

    private final CreditRequests requests;

    CreditRequestData(CreditRequests requests) {
        this.requests = requests;
    }

    @Override
    public String section() {
        return "articulation";
    }

    /** After the wallet (10) and sharing (20), whose ids the requests name; it restores nothing anyway. */
    @Override
    public int restoreOrder() {
        return 40;
    }

    @Override
    public List<HeldItem> summary(AccountId owner) {
        List<CreditRequest> mine = requests.mine(owner);
        return List.of(
                new HeldItem("articulation.held.requests", mine.size()),
                new HeldItem(
                        "articulation.held.awarded",
                        mine.stream().mapToLong(r -> r.awarded().size()).sum()));
    }

    @Override
    public JsonNode export(AccountId owner) {
        ObjectNode section = JsonNodeFactory.instance.objectNode();
        ArrayNode list = section.putArray("creditRequests");
        for (CreditRequest r : requests.mine(owner)) {
            ObjectNode o = list.addObject();
            o.put("id", r.id().toString());
            o.put("college", r.college());
            o.put("collegeName", r.collegeName());
            o.put("rule", r.rule().toString());
            o.put("ruleVersion", r.ruleVersion());
            o.put("source", r.sourceName());
            ArrayNode courses = o.putArray("courses");
            r.courses()
                    .forEach(c -> courses.addObject()
                            .put("code", c.code())
                            .put("title", c.title())
                            .put("creditHours", c.creditHours())
                            .put("creditType", c.creditType()));
            o.put("credits", r.credits());
            o.put("status", r.status().name());
            o.put("verified", r.verified());
            o.put("verification", r.verification());
            o.put("reason", r.reason());
            ArrayNode shared = o.putArray("sharedCredentials");
            r.credentials().forEach(shared::add);
            ArrayNode awarded = o.putArray("awardedCredentials");
            r.awarded().forEach(a -> awarded.add("urn:uuid:" + a));
            o.put("requestedAt", r.requestedAt().toString());
            o.put("decidedAt", r.decidedAt() == null ? null : r.decidedAt().toString());
        }
        return section;
    }

    @Override
    public void restore(AccountId owner, JsonNode section, IdMap ids) {
        // nothing: requests are asked again in the new account (see the class comment)
    }
}
