package org.openler.platform.privacy;

import java.util.List;
import org.openler.platform.kernel.AccountId;

/**
 * Things a person said about themselves that they may correct: the privacy center's "correct" part lists each
 * feature's with a link to where it is edited (the skills profile's self-asserted skills, ...). The display name is
 * corrected on the privacy center itself.
 */
public interface SelfAsserted {

    /** One kind of self-asserted item: a message key (the key's message may use {0} for the count), where to edit. */
    record Editable(String messageKey, long count, String editPath) {}

    List<Editable> editable(AccountId owner);
}
