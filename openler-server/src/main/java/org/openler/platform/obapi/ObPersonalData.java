package org.openler.platform.obapi;

import java.util.List;
import java.util.Set;
import org.openler.platform.accounts.AccountService;
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
 * The connected applications as part of what OpenLER holds about a learner: which applications they let into their
 * wallet through the Open Badges / CLR API, and with which scopes. A restore brings none back on purpose: letting an
 * application in is a consent given again, on the consent page, in the new account.
 */
@Component
class ObPersonalData implements PersonalData {

    private final ObConnectedApps apps;
    private final AccountService accounts;

    ObPersonalData(ObConnectedApps apps, AccountService accounts) {
        this.apps = apps;
        this.accounts = accounts;
    }

    @Override
    public String section() {
        return "connectedApps";
    }

    @Override
    public List<HeldItem> summary(AccountId owner) {
        return List.of(new HeldItem("obapi.held.apps", connected(owner).size()));
    }

    @Override
    public JsonNode export(AccountId owner) {
        ObjectNode section = JsonNodeFactory.instance.objectNode();
        ArrayNode applications = section.putArray("applications");
        for (ObConnectedApps.ConnectedApp app : connected(owner)) {
            ObjectNode o = applications.addObject();
            o.put("application", app.name());
            o.put("clientId", app.clientId());
            ArrayNode scopes = o.putArray("scopes");
            app.scopes().forEach(s -> scopes.add(s.standard().scope(s.scope())));
        }
        return section;
    }

    @Override
    public void restore(AccountId owner, JsonNode section, IdMap ids) {
        // nothing: an application's access is a consent given again in the new account (see the class comment)
    }

    /** The authorization server records a learner's consent under their sign-in name, the e-mail address. */
    private List<ObConnectedApps.ConnectedApp> connected(AccountId owner) {
        return accounts.find(owner)
                .map(account -> apps.list(Set.of(account.email().value())))
                .orElse(List.of());
    }
}
