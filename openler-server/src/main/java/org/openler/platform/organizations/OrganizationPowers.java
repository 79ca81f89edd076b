package org.openler.platform.organizations;

import static org.openler.platform.kernel.StaffRole.ADMIN;
import static org.openler.platform.kernel.StaffRole.ISSUER;
import static org.openler.platform.kernel.StaffRole.VIEWER;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.StaffRole;

/**
 * The powers of each kind of organization, and the least staff role that holds each: THE policy table. The access
 * check reads it for every organization route that names a {@link Power}; the authorization matrix test computes its
 * expected answers from it; docs/security-policy.md explains each cell. A missing cell ({@code null}) means the kind
 * does not hold the power at all, for any role and for its machine clients.
 *
 * <p>Providers and employers both issue (LERs are "data on discrete achievements from specific education institutions
 * and employers"): employers attest work-based learning and validated experience, so they define achievements,
 * issue, revoke and keep signing keys like providers. What employers do not do: publish to the credential registry
 * (it describes credentials offered by providers: programs, courses, certifications; an employer's public side is its
 * job descriptions) and issue Comprehensive Learner Records (a provider's transcript of a course of study).
 */
public final class OrganizationPowers {

    private record Row(
            Power power,
            @Nullable StaffRole provider,
            @Nullable StaffRole employer) {}

    private static final Row[] TABLE = {
        //       power                              provider  employer
        new Row(Power.VIEW_ORGANIZATION, VIEWER, VIEWER),
        new Row(Power.MANAGE_STAFF, ADMIN, ADMIN),
        new Row(Power.MANAGE_CLIENTS, ADMIN, ADMIN),
        new Row(Power.VIEW_ISSUED, VIEWER, VIEWER),
        new Row(Power.DEFINE_ACHIEVEMENTS, ISSUER, ISSUER),
        new Row(Power.ISSUE_CREDENTIALS, ISSUER, ISSUER),
        new Row(Power.ISSUE_LEARNER_RECORDS, ISSUER, null),
        new Row(Power.CHANGE_CREDENTIAL_STATUS, ISSUER, ISSUER),
        new Row(Power.ANSWER_CORRECTIONS, ISSUER, ISSUER),
        new Row(Power.MANAGE_KEYS, ADMIN, ADMIN),
        new Row(Power.REQUEST_PRESENTATIONS, VIEWER, VIEWER),
        new Row(Power.VIEW_REGISTRY, VIEWER, null),
        new Row(Power.PUBLISH_REGISTRY, ISSUER, null),
        new Row(Power.DRAFT_JOBS, VIEWER, VIEWER),
        new Row(Power.VIEW_JOBS, VIEWER, VIEWER),
        new Row(Power.POST_JOBS, null, ISSUER),
        new Row(Power.SEARCH_TALENT, null, VIEWER),
        new Row(Power.INVITE_TALENT, null, ISSUER),
        new Row(Power.VIEW_ARTICULATION, VIEWER, null),
        new Row(Power.MANAGE_ARTICULATION, ISSUER, null),
    };

    private static final Map<Organization.Kind, Map<Power, StaffRole>> BY_KIND = index();

    private OrganizationPowers() {}

    /** The least role of this kind of organization that holds the power; empty if the kind does not hold it. */
    public static Optional<StaffRole> leastRole(Organization.Kind kind, Power power) {
        return Optional.ofNullable(BY_KIND.get(kind).get(power));
    }

    /**
     * The powers a member with this role holds in this kind of organization: what the organization's pages offer
     * them, read from the same table the access check reads, so a page never offers what the check refuses.
     */
    public static Set<Power> held(Organization.Kind kind, StaffRole role) {
        Set<Power> held = EnumSet.noneOf(Power.class);
        BY_KIND.get(kind).forEach((power, least) -> {
            if (role.includes(least)) {
                held.add(power);
            }
        });
        return held;
    }

    private static Map<Organization.Kind, Map<Power, StaffRole>> index() {
        Map<Organization.Kind, Map<Power, StaffRole>> byKind = new EnumMap<>(Organization.Kind.class);
        for (Organization.Kind kind : Organization.Kind.values()) {
            byKind.put(kind, new EnumMap<>(Power.class));
        }
        for (Row row : TABLE) {
            if (row.provider() != null) {
                byKind.get(Organization.Kind.PROVIDER).put(row.power(), row.provider());
            }
            if (row.employer() != null) {
                byKind.get(Organization.Kind.EMPLOYER).put(row.power(), row.employer());
            }
        }
        return byKind;
    }
}
