package org.openler.platform.registry;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openler.platform.support.Fixtures;

/**
 * A certificate in the registry, for tests that need one published (a course to articulate, to require in a job, or
 * to take in a training plan): its name, description and requirements, and only what the test says beyond them.
 */
public final class RegistryCourse {

    private final String name;
    private final String description;
    private final String requirements;
    private Optional<CredentialOfValue.Cost> cost = Optional.empty();
    private Optional<CredentialOfValue.EstimatedDuration> duration = Optional.empty();
    private final Set<CredentialOfValue.DeliveryMode> delivery = EnumSet.noneOf(CredentialOfValue.DeliveryMode.class);
    private final List<CredentialOfValue.Place> places = new ArrayList<>();
    private final List<CredentialOfValue.Alignment> teaches = new ArrayList<>();

    private RegistryCourse(String name, String description, String requirements) {
        this.name = name;
        this.description = description;
        this.requirements = requirements;
    }

    public static RegistryCourse certificate(String name, String description, String requirements) {
        return new RegistryCourse(name, description, requirements);
    }

    public RegistryCourse costingUsd(long price) {
        cost = Optional.of(new CredentialOfValue.Cost(BigDecimal.valueOf(price), "USD"));
        return this;
    }

    public RegistryCourse taking(String isoDuration) {
        duration = Optional.of(new CredentialOfValue.EstimatedDuration(isoDuration));
        return this;
    }

    public RegistryCourse delivered(CredentialOfValue.DeliveryMode mode) {
        delivery.add(mode);
        return this;
    }

    public RegistryCourse in(CredentialOfValue.Place place) {
        places.add(place);
        return this;
    }

    public RegistryCourse teaching(URI skill, String label) {
        teaches.add(new CredentialOfValue.Alignment(skill, label));
        return this;
    }

    public CredentialOfValue credential() {
        return new CredentialOfValue(
                "Certificate",
                name,
                description,
                Optional.empty(),
                requirements,
                cost,
                duration,
                delivery,
                places,
                teaches,
                List.of(),
                List.of(),
                Optional.empty(),
                List.of());
    }

    /** Drafted and published by the college's admin; its CTID. */
    public String publishedBy(RegistryEntries registry, Fixtures.Org college) {
        RegistryEntry draft = registry.createDraft(
                college.organization().id(), college.slug(), credential(), Fixtures.person(college.admin()));
        registry.publish(college.organization().id(), draft.ctid(), Fixtures.person(college.admin()));
        return draft.ctid().value();
    }
}
