package org.openler.platform.kernel;

/**
 * What a route lets an organization's staff (or machine client) do. Which kinds of organization hold each power, and
 * from which staff role, is one table: {@code organizations.OrganizationPowers} (and docs/security-policy.md). A route
 * under {@link Audience#ORGANIZATION_STAFF} names its power in {@link Access#power()}.
 */
public enum Power {
    /** Routes that name no power yet: only {@link Access#role()} applies, for every kind. Kept for routes in flight. */
    UNDECLARED("(no power named: the route's role only)"),
    VIEW_ORGANIZATION("see the organization and its staff"),
    MANAGE_STAFF("invite, change and remove staff, read the audit trail, unlock staff sign-in"),
    MANAGE_CLIENTS("create, rotate, delete and unlock machine clients"),
    VIEW_ISSUED("see achievement definitions, issued credentials, bulk jobs and correction requests"),
    DEFINE_ACHIEVEMENTS("define achievements (what a credential attests)"),
    ISSUE_CREDENTIALS("issue credentials, one by one or in bulk"),
    ISSUE_LEARNER_RECORDS("issue Comprehensive Learner Records (a provider's transcript)"),
    CHANGE_CREDENTIAL_STATUS("revoke, suspend and reinstate issued credentials"),
    ANSWER_CORRECTIONS("answer a learner's request to correct an issued credential"),
    MANAGE_KEYS("see and rotate the issuer's signing keys"),
    REQUEST_PRESENTATIONS("ask learners for presentations and read the answers (verifying)"),
    VIEW_REGISTRY("see the organization's credential registry entries"),
    PUBLISH_REGISTRY("create, edit, publish and withdraw credential registry entries"),
    DRAFT_JOBS("propose a job's skill requirements from a title (the skills-based job description generator)"),
    VIEW_JOBS("see the organization's job postings"),
    POST_JOBS("write, edit and close job postings"),
    SEARCH_TALENT("search opted-in candidates by skills and follow the organization's invitations"),
    INVITE_TALENT("invite a candidate found in a search to apply"),
    VIEW_ARTICULATION("see the college's credit rules and the learners' credit requests"),
    MANAGE_ARTICULATION("write, import, withdraw credit rules, and verify, approve or decline credit requests");

    private final String description;

    Power(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
