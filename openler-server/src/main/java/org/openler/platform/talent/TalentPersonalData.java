package org.openler.platform.talent;

import java.util.List;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.privacy.Access;
import org.openler.platform.privacy.HeldItem;
import org.openler.platform.privacy.IdMap;
import org.openler.platform.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The talent section of what OpenLER holds about a learner: the discovery setting, each time an employer saw their
 * anonymous profile (the access log, in plain words), and the invitations. A restore brings nothing back on purpose:
 * being findable is a choice made again in the new account, never carried over silently.
 */
@Component
class TalentPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final TalentDiscovery discovery;
    private final Invitations invitations;
    private final TalentOutbox outbox;

    TalentPersonalData(JdbcClient jdbc, TalentDiscovery discovery, Invitations invitations, TalentOutbox outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.discovery = discovery;
        this.invitations = invitations;
    }

    @Override
    public String section() {
        return "talent";
    }

    @Override
    public List<HeldItem> summary(AccountId owner) {
        return List.of(
                new HeldItem("talent.held.appearances", appearances(owner).size()),
                new HeldItem(
                        "talent.held.invitations", invitations.received(owner).size()));
    }

    @Override
    public JsonNode export(AccountId owner) {
        ObjectNode section = JsonNodeFactory.instance.objectNode();
        DiscoverySetting setting = discovery.read(owner);
        section.put("mode", setting.mode().name());
        ArrayNode credentials = section.putArray("searchableCredentials");
        setting.credentials().forEach(c -> credentials.add(c.toString()));
        ArrayNode skills = section.putArray("searchableSkills");
        setting.skills().forEach(s -> skills.add(s.toString()));
        ArrayNode seen = section.putArray("appearances");
        for (Access a : accesses(owner)) {
            ObjectNode o = seen.addObject();
            o.put("at", a.at().toString());
            o.put("employer", a.party());
            o.put("what", a.what());
        }
        ArrayNode received = section.putArray("invitations");
        for (Invitations.ForLearner i : invitations.received(owner)) {
            ObjectNode o = received.addObject();
            o.put("employer", i.employer());
            o.put("job", i.job());
            o.put("message", i.message());
            o.put("state", i.state().name());
            o.put("createdAt", i.createdAt().toString());
        }
        return section;
    }

    /** The erasure's transaction: the outbox row outlives the account and takes the document out of the index. */
    @Override
    public void beforeDeletion(AccountId owner) {
        outbox.record(owner);
    }

    @Override
    public void restore(AccountId owner, JsonNode section, IdMap ids) {
        // nothing: discovery is chosen again in the new account (see the class comment)
    }

    @Override
    public List<Access> accesses(AccountId owner) {
        return appearances(owner);
    }

    private List<Access> appearances(AccountId owner) {
        return jdbc.sql("select a.seen_at, o.name, a.query_title from talent_appearance a join organization o"
                        + " on o.id = a.organization_id where a.account_id = ? order by a.seen_at desc limit 200")
                .param(owner.value())
                .query((rs, n) -> new Access(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        "An employer (" + rs.getString(2) + ") saw your anonymous profile in a search for \""
                                + rs.getString(3) + "\""))
                .list();
    }
}
