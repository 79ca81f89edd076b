package org.openler.platform.organizations;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.AccountKind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit log as sentences: "Demo University issued “Welding Fundamentals” to a learner; done by Rosa Registrar."
 * instead of {@code CREDENTIAL_ISSUED account:… credential:…}. The reader is the organization's admin, who sees its
 * staff by name on the staff page anyway; a learner is only ever "a learner", and nothing is shown that the log did not
 * already hold (the subject's name and page come from the feature that owns it, {@link AuditSubjects}).
 */
@Component
class AuditSentences {

    /** One event as the page shows it: when, the sentence, and a page about its subject if there is one. */
    record Line(String when, String sentence, @Nullable String href, boolean failed) {}

    private final MessageSource messages;
    private final AccountService accounts;
    private final OrganizationService organizations;
    private final List<AuditSubjects> subjects;

    AuditSentences(
            MessageSource messages,
            AccountService accounts,
            OrganizationService organizations,
            List<AuditSubjects> subjects) {
        this.messages = messages;
        this.accounts = accounts;
        this.organizations = organizations;
        this.subjects = subjects;
    }

    List<Line> lines(Organization organization, List<AuditEvent.Recorded> events, Locale locale) {
        Map<String, String> members = organizations.members(organization).stream()
                .collect(Collectors.toMap(m -> "account:" + m.accountId(), Member::displayName, (a, b) -> a));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(ZoneOffset.UTC);
        Function<String, String> person = name -> who(name, members, locale);
        return events.stream()
                .map(e -> line(organization, e, when.format(e.occurredAt()), person, locale))
                .toList();
    }

    private Line line(
            Organization organization,
            AuditEvent.Recorded event,
            String when,
            Function<String, String> who,
            Locale locale) {
        String actor = who.apply(event.actor());
        Optional<AuditSubjects.Named> subject = subject(organization, event.subject());
        String subjectName = subject.map(AuditSubjects.Named::name)
                .orElseGet(() -> event.subject() == null ? "" : who.apply(event.subject()));
        String detail = event.detail() == null ? "" : event.detail();
        String to = detail.contains("->") ? detail.substring(detail.indexOf("->") + 2) : detail;
        String key = "audit.sentence." + event.action();
        if (event.action().equals("CREDENTIAL_STATUS_CHANGED")) {
            key += "." + to;
        }
        String role = to.startsWith("role=") ? to.substring(5) : to;
        Object[] args = {actor, organization.name(), subjectName, roleName(role, locale), outcome(event, locale)};
        String sentence = messages.getMessage(key, args, "", locale);
        if (sentence == null || sentence.isEmpty()) {
            // an event this page has no sentence for yet: still readable, never a bare code
            sentence = messages.getMessage(
                    "audit.sentence.other",
                    new Object[] {actor, event.action().toLowerCase(Locale.ROOT).replace('_', ' '), subjectName},
                    locale);
        }
        return new Line(
                when,
                sentence,
                subject.map(AuditSubjects.Named::href).orElse(null),
                event.outcome().equals("FAILURE"));
    }

    private Optional<AuditSubjects.Named> subject(Organization organization, @Nullable String subject) {
        if (subject == null || !subject.contains(":")) {
            return Optional.empty();
        }
        String kind = subject.substring(0, subject.indexOf(':'));
        String id = subject.substring(subject.indexOf(':') + 1);
        return subjects.stream()
                .map(s -> s.name(organization, kind, id))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** A person or program named in the log, as the organization's admin may know them. */
    private String who(String auditName, Map<String, String> members, Locale locale) {
        String member = members.get(auditName);
        if (member != null) {
            return member;
        }
        int colon = auditName.indexOf(':');
        String kind = colon < 0 ? auditName : auditName.substring(0, colon);
        String id = colon < 0 ? "" : auditName.substring(colon + 1);
        return switch (kind) {
            case "account" ->
                account(id)
                        .map(a -> a.kind() == AccountKind.LEARNER
                                ? messages.getMessage("audit.who.learner", null, locale)
                                : messages.getMessage("audit.who.former", new Object[] {a.displayName()}, locale))
                        .orElseGet(() -> messages.getMessage("audit.who.gone", null, locale));
            case "client" -> messages.getMessage("audit.who.client", new Object[] {id}, locale);
            case "anonymous" -> messages.getMessage("audit.who.anonymous", null, locale);
            case "organization" -> messages.getMessage("audit.who.organization", null, locale);
            case "invitation" -> messages.getMessage("audit.who.invitation", null, locale);
            case "correction" -> messages.getMessage("audit.who.correction", null, locale);
            case "key" -> messages.getMessage("audit.who.key", new Object[] {id}, locale);
            case "credential" -> messages.getMessage("audit.who.credential", null, locale);
            case "achievement" -> messages.getMessage("audit.who.achievement", null, locale);
            default -> messages.getMessage("audit.who.someone", null, locale);
        };
    }

    private Optional<Account> account(String id) {
        try {
            return accounts.find(new AccountId(UUID.fromString(id)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private String roleName(String role, Locale locale) {
        return role.isEmpty() ? "" : messages.getMessage("role." + role, null, role, locale);
    }

    private String outcome(AuditEvent.Recorded event, Locale locale) {
        return messages.getMessage("audit.outcome." + event.outcome(), null, event.outcome(), locale);
    }
}
