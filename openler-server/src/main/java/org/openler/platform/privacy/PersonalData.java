package org.openler.platform.privacy;

import java.util.List;
import org.openler.platform.kernel.AccountId;
import tools.jackson.databind.JsonNode;

/**
 * One feature's part of what OpenLER holds about a person (the wallet's credentials and collections, the shares
 * and their access log, the skills profile, ...). The privacy center lists it, exports it into the person's bundle,
 * restores it into a fresh account, and lets it withdraw what others hold a link to before the account goes.
 * Implementations are Spring beans in their own feature package; every method is scoped by the owner's account id.
 */
public interface PersonalData {

    /** The section's stable key in the export bundle, e.g. {@code "wallet"}, {@code "sharing"}. Never renamed. */
    String section();

    /**
     * Restore order: a section that others refer to comes first (lower first). The wallet is 10, so sections that
     * refer to held credentials (shares, skills with evidence) use larger numbers.
     */
    default int restoreOrder() {
        return 100;
    }

    /** What is held, in plain words, for the privacy center's "what OpenLER holds about me". */
    List<HeldItem> summary(AccountId owner);

    /** Everything in this section as JSON, with the section's own ids so later sections can refer to them. */
    JsonNode export(AccountId owner);

    /**
     * Restores an exported section into {@code owner}'s account (a fresh one, or one being merged into). New rows get
     * new ids; {@code ids} maps the bundle's ids to them, so a later section can translate its references. Runs in the
     * caller's transaction: a bad section rolls the whole import back. A malformed section is refused with a
     * {@code PlatformException} naming what is wrong.
     */
    void restore(AccountId owner, JsonNode section, IdMap ids);

    /**
     * Who saw this person's data through this feature (a share opened by an employer, ...), newest first. Most
     * sections have none.
     */
    default List<Access> accesses(AccountId owner) {
        return List.of();
    }

    /** Consents this person gave or withdrew through this feature (a share made or revoked), newest first. */
    default List<Consent> consents(AccountId owner) {
        return List.of();
    }

    /**
     * Just before the account is deleted, in the deletion's transaction: withdraw what other parties hold a link to
     * (end shares, close claims). The rows themselves go with the account (foreign keys cascade); a row that does not
     * cascade must be deleted here.
     */
    default void beforeDeletion(AccountId owner) {}
}
