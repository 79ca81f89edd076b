package org.openler.platform.organizations;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an audit subject ({@code credential:<id>}, {@code achievement:<id>}) names, told by the feature that owns it,
 * so that the audit log reads as sentences with names and links rather than ids. Each feature answers only for its
 * own kinds of subject and only within the organization whose log is read.
 */
public interface AuditSubjects {

    /** A subject's name as the organization's staff know it, and its page if it has one. */
    record Named(String name, @Nullable String href) {}

    /** The name of {@code kind:id} in this organization's log, if this feature owns that kind and knows the id. */
    Optional<Named> name(Organization organization, String kind, String id);
}
