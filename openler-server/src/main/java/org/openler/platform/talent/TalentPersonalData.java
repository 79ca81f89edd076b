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
 * The talent section of what OpenLER holds about a learner: the discovery setting (with the location and
 * availability), each time an employer saw their anonymous profile (the access log, in plain words), the invitations,
 * and the links with employers (internal talent). A restore brings nothing back on purpose: being findable is a
 * choice made again in the new account, never carried over silently. That holds for employee links most of all: a
 * restored link would let an employer find the new account by name without the person having chosen it there; the
 * employer can invite the new account again, and the person answers afresh.
 */
@Component
class TalentPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final TalentDiscovery discovery;
    private final Invitations invitations;
    private final Employees employees;
    private final TalentOutbox outbox;

    TalentPersonalData(
            JdbcClient jdbc,
            TalentDiscovery discovery,
            Invitations invitations,
            Employees employees,
            TalentOutbox outbox) {
        this.employees = employees;
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
                        "talent.held.invitations", invitations.received(owner).size()),
                new HeldItem("talent.held.employers", linked(owner)));
    }

    @Override
    public JsonNode export(AccountId owner) {
        ObjectNode section = JsonNodeFactory.instance.objectNode();
        DiscoverySetting setting = discovery.read(owner);
        section.put("mode", setting.mode().name());
        setting.location().ifPresent(l -> section.put("location", l));
        setting.availability().ifPresent(a -> section.put("availability", a.word()));
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
        ArrayNode links = section.putArray("employeeLinks");
        for (Employees.ForEmployee l : employees.forEmployee(owner)) {
            ObjectNode o = links.addObject();
            o.put("employer", l.employer());
            o.put("state", l.state().name());
        }
        return section;
    }

    @Override
    public void restore(AccountId owner, JsonNode section, IdMap ids) {
        // nothing: discovery and employee links are chosen again in the new account (see the class comment)
    }

    /**
     * The erasure's transaction: unanswered link invitations to the account's address go, and the outbox row outlives
     * the account and takes the document out of the index.
     */
    @Override
    public void beforeDeletion(AccountId owner) {
        employees.forgetInvitationsTo(owner);
        // only someone who ever chose a discovery setting can be in an index, and their rows keep only the one-way
        // subject from now on: nothing in the outbox names the person once the account is gone
        outbox.recordErasure(owner);
        // and no later listener in this transaction (a wallet's evidence event) writes a row naming the account again
        discovery.forget(owner);
    }

    @Override
    public List<Access> accesses(AccountId owner) {
        return appearances(owner);
    }

    /** Links with employers now in force (an invitation not yet answered is not counted). */
    private long linked(AccountId owner) {
        return employees.forEmployee(owner).stream()
                .filter(l -> l.state() == Employees.State.LINKED)
                .count();
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
