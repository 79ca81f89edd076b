package org.openler.platform.privacy;

import java.util.List;
import java.util.Locale;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account itself as a section: e-mail address, name, language, when it was made, and the discovery preference.
 * Here rather than in accounts because privacy depends on accounts (and accounts on nothing of privacy's). Restoring
 * it sets only what the person chooses in a fresh account (name, language, discovery); the e-mail address is the new
 * account's own and the password is never exported.
 */
@Component
class AccountData implements PersonalData {

    static final String SECTION = "account";

    private final AccountService accounts;
    private final Discovery discovery;

    AccountData(AccountService accounts, Discovery discovery) {
        this.accounts = accounts;
        this.discovery = discovery;
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public int restoreOrder() {
        return 0;
    }

    @Override
    public List<HeldItem> summary(AccountId owner) {
        return List.of(
                new HeldItem("privacy.held.account", 1),
                new HeldItem(
                        discovery.isDiscoverable(owner) ? "privacy.held.discoverable" : "privacy.held.notDiscoverable",
                        1));
    }

    @Override
    public JsonNode export(AccountId owner) {
        Account account = accounts.find(owner).orElseThrow(() -> PlatformException.notFound("Your account"));
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("email", account.email().value());
        node.put("displayName", account.displayName());
        node.put("language", account.preferredLocale());
        node.put("kind", account.kind().name().toLowerCase(Locale.ROOT));
        node.put("createdAt", account.createdAt().toString());
        node.put("discoverable", discovery.isDiscoverable(owner));
        return node;
    }

    @Override
    public void restore(AccountId owner, JsonNode section, IdMap ids) {
        if (!section.isObject()) {
            throw malformed("is not a JSON object");
        }
        JsonNode name = section.path("displayName");
        if (name.isString()) {
            accounts.rename(owner, name.asString());
        } else if (!name.isMissingNode()) {
            throw malformed("has a displayName that is not text");
        }
        JsonNode language = section.path("language");
        if (language.isString()) {
            accounts.changeLanguage(owner, language.asString());
        } else if (!language.isMissingNode()) {
            throw malformed("has a language that is not text");
        }
        JsonNode discoverable = section.path("discoverable");
        if (discoverable.isBoolean()) {
            discovery.setDiscoverable(owner, discoverable.asBoolean());
        } else if (!discoverable.isMissingNode()) {
            throw malformed("has a discoverable flag that is not true or false");
        }
    }

    private static PlatformException malformed(String what) {
        return new PlatformException(Problem.UNPROCESSABLE, "The bundle's account section " + what + ".");
    }
}
