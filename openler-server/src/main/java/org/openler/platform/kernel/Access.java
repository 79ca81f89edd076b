package org.openler.platform.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every route declares who may call it. A route without this annotation is refused (fail closed), and the
 * authorization matrix test enumerates the routes and checks each against every kind of actor.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Access {

    Audience value();

    /**
     * For {@link Audience#ORGANIZATION_STAFF}: what the route lets staff do. The policy table
     * ({@code organizations.OrganizationPowers}) says which kinds of organization hold it and from which role.
     */
    Power power() default Power.UNDECLARED;

    /** For {@link Audience#ORGANIZATION_STAFF} routes that name no {@link #power()}: the least role needed. */
    StaffRole role() default StaffRole.VIEWER;

    /** For {@link Audience#ORGANIZATION_STAFF}: whether the organization's machine clients may call it too. */
    boolean machineClients() default false;

    /** The path variable that names the organization (its slug). */
    String organizationVariable() default "org";
}
