package org.openler.platform.talent;

import java.util.Locale;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.organizations.Organization;
import org.openler.platform.outbox.MailOutbox;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mail that invites an address to link with an employer, through the platform's outbox (written in the
 * inviting transaction). In the language of the account with that address, when there is one; otherwise in English
 * and Spanish both, since nobody has chosen yet. The body holds the link's token, so it is never logged.
 */
@Component
class LinkMail {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final MailOutbox outbox;
    private final PlatformUrls urls;
    private final AccountService accounts;
    private final MessageSource messages;

    LinkMail(MailOutbox outbox, PlatformUrls urls, AccountService accounts, MessageSource messages) {
        this.outbox = outbox;
        this.urls = urls;
        this.accounts = accounts;
        this.messages = messages;
    }

    void send(Organization employer, String address, String token) {
        String link = urls.base() + "/talent/links/" + token;
        Object[] args = {employer.name(), link};
        String language =
                accounts.findByEmail(address).map(Account::preferredLocale).orElse("");
        if (language.startsWith("es") || language.startsWith("en")) {
            Locale locale = language.startsWith("es") ? SPANISH : Locale.ENGLISH;
            outbox.enqueue(
                    address,
                    messages.getMessage("talent.mail.subject", args, locale),
                    messages.getMessage("talent.mail.body", args, locale));
        } else {
            outbox.enqueue(
                    address,
                    messages.getMessage("talent.mail.subject", args, Locale.ENGLISH) + " / "
                            + messages.getMessage("talent.mail.subject", args, SPANISH),
                    messages.getMessage("talent.mail.body", args, Locale.ENGLISH) + "\n\n----\n\n"
                            + messages.getMessage("talent.mail.body", args, SPANISH));
        }
    }
}
