package org.openler.platform.support;

import java.util.UUID;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.clients.MachineClientService;
import org.openler.platform.issuers.Issuer;
import org.openler.platform.issuers.IssuerKeys;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.springframework.stereotype.Component;

/** Makes people, organizations and clients through the real services, each with unique names. */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private final AccountService accounts;
    private final OrganizationService organizations;
    private final MachineClientService clients;
    private final IssuerKeys issuerKeys;
    private final Issuers issuers;

    Fixtures(
            AccountService accounts,
            OrganizationService organizations,
            MachineClientService clients,
            IssuerKeys issuerKeys,
            Issuers issuers) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.clients = clients;
        this.issuerKeys = issuerKeys;
        this.issuers = issuers;
    }

    /** The organization as the issuer of its credentials. */
    public Issuer issuer(Org org) {
        return issuers.of(org.organization());
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Account learner() {
        return account(AccountKind.LEARNER);
    }

    public Account staff() {
        return account(AccountKind.STAFF);
    }

    public Account account(AccountKind kind) {
        String email = unique(kind.name().toLowerCase()) + "@example.org";
        return accounts.create(new AccountService.NewAccount(email, "Test " + kind, PASSWORD, kind, "en"));
    }

    /** An organization whose admin is a new staff account. */
    public Org organization(Organization.Kind kind) {
        Account admin = staff();
        Organization organization =
                organizations.create("Test " + kind, unique(kind.name().toLowerCase()), kind, person(admin));
        return new Org(organization, admin);
    }

    public Account member(Org org, StaffRole role) {
        Account member = staff();
        organizations.changeRoleOrAdd(org.organization(), member.id(), role, person(org.admin()));
        return member;
    }

    public MachineClientService.Created client(Org org) {
        return clients.create(org.organization().id(), org.organization().slug(), "Test client", person(org.admin()));
    }

    public String rotateIssuerKey(Org org) {
        issuerKeys.signingKey(issuer(org));
        return issuerKeys.rotate(issuer(org), person(org.admin()));
    }

    public static Actor.Person person(Account account) {
        return new Actor.Person(account.id(), account.kind(), false);
    }

    /** An organization and its first admin. */
    public record Org(Organization organization, Account admin) {
        public String slug() {
            return organization.slug();
        }
    }
}
