package org.openler.platform.talent;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal talent as JSON: an employer links employees by e-mail address, lists the links, and searches its linked,
 * consenting employees by skills or from a job ({@code GET /orgs/{org}/talent/internal?skill=…&skill=…} or
 * {@code ?job=…}), by name. The same limits as the anonymous search (at most 50 skills, searches per minute).
 */
@RestController
class InternalTalentApi {

    private final OrganizationService organizations;
    private final Employees employees;
    private final TalentSearch search;

    InternalTalentApi(OrganizationService organizations, Employees employees, TalentSearch search) {
        this.organizations = organizations;
        this.employees = employees;
        this.search = search;
    }

    record LinkRequest(@Nullable String email) {}

    @GetMapping(value = "/orgs/{org}/talent/internal", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.SEARCH_TALENT, machineClients = true)
    Employees.InternalResult internal(
            @PathVariable String org,
            @RequestParam(defaultValue = "") List<String> skill,
            @RequestParam(defaultValue = "") String job) {
        Organization employer = organizations.get(org);
        return internal(employees, search, employer, skill, job);
    }

    @PostMapping(
            value = "/orgs/{org}/talent/employees",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.INVITE_TALENT, machineClients = true)
    ResponseEntity<Employees.ForEmployer> link(@PathVariable String org, @RequestBody LinkRequest request) {
        Employees.ForEmployer link =
                employees.invite(organizations.get(org), request.email() == null ? "" : request.email());
        return ResponseEntity.created(URI.create("/orgs/" + org + "/talent/employees"))
                .body(link);
    }

    @GetMapping(value = "/orgs/{org}/talent/employees", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.SEARCH_TALENT, machineClients = true)
    List<Employees.ForEmployer> links(@PathVariable String org) {
        return employees.list(organizations.get(org));
    }

    /** Shared with the page: the query checked as the anonymous search checks it, counted against the same limit. */
    static Employees.InternalResult internal(
            Employees employees, TalentSearch search, Organization employer, List<String> skills, String job) {
        List<String> asked =
                skills.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (asked.size() > TalentSearch.MAX_QUERY_SKILLS) {
            throw PlatformException.invalid("skill", "Ask for at most " + TalentSearch.MAX_QUERY_SKILLS + " skills.");
        }
        TalentSearch.Query query = new TalentSearch.Query(
                asked.stream().map(s -> new TalentSearch.Wanted(s, 1.0)).toList(),
                TalentApi.uuid(job, "job"),
                0,
                TalentSearch.DEFAULT_PAGE_SIZE);
        return employees.search(employer, search.internalTarget(employer, query));
    }
}
