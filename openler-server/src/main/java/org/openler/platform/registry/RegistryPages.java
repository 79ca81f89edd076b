package org.openler.platform.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's pages: public search with facets and a credential's page (the HTML face of its stable URL), and a
 * provider's entries (list, create and edit drafts, publish, withdraw, history). Forms with mistakes come back with
 * the mistakes next to their fields (status 400); programs that post here get problem details.
 */
@Controller
class RegistryPages {

    /** The order of the types in the form's list. */
    static final List<String> TYPE_CHOICES =
            CredentialOfValue.TYPES.stream().sorted().toList();

    /** Each type as words ("BachelorDegree" as "Bachelor Degree"), for lists. */
    static final Map<String, String> TYPE_LABELS =
            TYPE_CHOICES.stream().collect(Collectors.toMap(t -> t, CredentialIndex::words));

    private final OrganizationService organizations;
    private final RegistryEntries entries;
    private final RegistrySearch search;
    private final MessageSource messages;

    RegistryPages(
            OrganizationService organizations, RegistryEntries entries, RegistrySearch search, MessageSource messages) {
        this.organizations = organizations;
        this.entries = entries;
        this.search = search;
        this.messages = messages;
    }

    /** A facet value as a link that adds it to the search (or, when chosen, removes it). */
    public record FacetLink(String label, long count, String href, boolean selected) {}

    /** A facet with its links, named by its message key. */
    public record FacetView(String name, List<FacetLink> links) {}

    @GetMapping(value = "/registry", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String searchPage(HttpServletRequest request, Model model) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String name : List.of(
                "q",
                "type",
                "competency",
                "occupation",
                "delivery",
                "provider",
                "location",
                "cost",
                "duration",
                "offset")) {
            String[] values = request.getParameterValues(name);
            params.put(
                    name,
                    values == null
                            ? List.of()
                            : List.of(values).stream().limit(50).toList());
        }
        String q = first(params, "q");
        RegistrySearch.Request parsed;
        try {
            parsed = RegistrySearch.Request.of(
                    q,
                    params.get("type"),
                    params.get("competency"),
                    params.get("occupation"),
                    params.get("delivery"),
                    params.get("provider"),
                    params.get("location"),
                    first(params, "cost"),
                    first(params, "duration"),
                    first(params, "offset").isBlank() ? "0" : first(params, "offset"),
                    "20");
        } catch (PlatformException e) {
            // A hand-made address with a bad range or offset: show the search without it rather than an error.
            parsed = RegistrySearch.Request.of(
                    q.length() > 500 ? q.substring(0, 500) : q,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    "",
                    "",
                    "0",
                    "20");
        }
        RegistryResults results = search.search(parsed.query());
        Locale locale = LocaleContextHolder.getLocale();
        List<FacetView> facets = new ArrayList<>();
        for (RegistryResults.Facet facet : results.facets()) {
            List<FacetLink> links = new ArrayList<>();
            for (RegistryResults.Value value : facet.values()) {
                boolean selected = params.get(facet.name()).contains(value.value());
                links.add(new FacetLink(
                        facetLabel(facet.name(), value, locale),
                        value.count(),
                        href(toggled(params, facet.name(), value.value())),
                        selected));
            }
            if (!links.isEmpty()) {
                facets.add(new FacetView(facet.name(), links));
            }
        }
        int offset = parsed.query().offset();
        model.addAttribute("q", q.length() > 500 ? q.substring(0, 500) : q);
        model.addAttribute("results", results);
        model.addAttribute("typeLabels", typeLabels(locale));
        model.addAttribute(
                "durations",
                results.hits().stream()
                        .flatMap(h -> h.duration().stream())
                        .distinct()
                        .collect(Collectors.toMap(d -> d, d -> ReadableValues.duration(d, messages, locale))));
        model.addAttribute("facets", facets);
        model.addAttribute(
                "filtered",
                params.entrySet().stream()
                        .anyMatch(e -> !e.getKey().equals("q")
                                && !e.getKey().equals("offset")
                                && !e.getValue().isEmpty()));
        model.addAttribute("clear", href(Map.of("q", q.isBlank() ? List.of() : List.of(q))));
        model.addAttribute("first", results.total() == 0 ? 0 : offset + 1);
        model.addAttribute("last", offset + results.hits().size());
        model.addAttribute("previous", offset > 0 ? href(paged(params, Math.max(0, offset - 20))) : null);
        model.addAttribute(
                "next",
                offset + 20 < results.total() && offset + 20 <= RegistryQuery.MAX_OFFSET
                        ? href(paged(params, offset + 20))
                        : null);
        return "registry/search";
    }

    /** Each credential type in the reader's language ("BachelorDegree": "Bachelor's degree", "Grado"). */
    Map<String, String> typeLabels(Locale locale) {
        return TYPE_CHOICES.stream()
                .collect(Collectors.toMap(
                        t -> t, t -> messages.getMessage("registry.ctype." + t, null, TYPE_LABELS.get(t), locale)));
    }

    /** One credential type in the reader's language; a type with no label is spelled out from its name. */
    private String typeLabel(String type) {
        return typeLabels(LocaleContextHolder.getLocale()).getOrDefault(type, CredentialIndex.words(type));
    }

    /** A facet value as the reader reads it: types and delivery modes in their language, names as they are. */
    private String facetLabel(String facet, RegistryResults.Value value, Locale locale) {
        return switch (facet) {
            case "type" -> messages.getMessage("registry.ctype." + value.value(), null, value.label(), locale);
            case "delivery" ->
                CredentialOfValue.DeliveryMode.ofConcept(value.value())
                        .map(m -> messages.getMessage("registry.delivery." + m.name(), null, value.label(), locale))
                        .orElse(value.label());
            default -> value.label();
        };
    }

    @GetMapping(value = "/registry/resources/{ctid}", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String credentialPage(@PathVariable String ctid, Model model) {
        Ctid id = RegistryApi.ctid(ctid);
        PublishedCredential published = entries.findPublished(id)
                .orElseThrow(() -> entries.isWithdrawn(id)
                        ? new PlatformException(Problem.GONE, "This credential was withdrawn from the registry.")
                        : PlatformException.notFound("The credential"));
        model.addAttribute("credential", published.credential());
        model.addAttribute("published", published);
        model.addAttribute(
                "provider", organizations.find(published.organization()).orElseThrow());
        model.addAttribute("history", entries.history(id));
        model.addAttribute("typeLabel", typeLabel(published.credential().type()));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute(
                "durationText",
                published
                        .credential()
                        .duration()
                        .map(d -> ReadableValues.duration(d.iso(), messages, locale))
                        .orElse("—"));
        model.addAttribute(
                "costText",
                published
                        .credential()
                        .cost()
                        .map(c -> ReadableValues.cost(c.price(), c.currency(), messages, locale))
                        .orElse("—"));
        return "registry/credential";
    }

    @GetMapping("/orgs/{org}/registry")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_REGISTRY)
    String entriesPage(@PathVariable String org, Model model) {
        Organization organization = organizations.get(org);
        model.addAttribute("organization", organization);
        model.addAttribute("canEdit", organizations.roleOfActing(organization).includes(StaffRole.ISSUER));
        model.addAttribute("entries", entries.list(organization.id()));
        model.addAttribute("typeLabels", typeLabels(LocaleContextHolder.getLocale()));
        return "registry/entries";
    }

    @GetMapping("/orgs/{org}/registry/new")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.PUBLISH_REGISTRY)
    String newEntry(@PathVariable String org, Model model) {
        return formPage(organizations.get(org), Optional.empty(), RegistryForm.empty(), List.of(), model);
    }

    @PostMapping("/orgs/{org}/registry/new")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.PUBLISH_REGISTRY)
    String create(
            @PathVariable String org,
            RegistryForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Organization organization = organizations.get(org);
        try {
            RegistryEntry entry = entries.createDraft(organization.id(), org, form.read(), Actors.current());
            redirect.addFlashAttribute("notice", "registry.saved");
            return "redirect:/orgs/" + org + "/registry/" + entry.ctid();
        } catch (PlatformException e) {
            return mistakes(e, organization, Optional.empty(), form, model, request, response);
        }
    }

    @GetMapping("/orgs/{org}/registry/{ctid}")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_REGISTRY)
    String entryPage(@PathVariable String org, @PathVariable String ctid, Model model) {
        Organization organization = organizations.get(org);
        return entryView(organization, entries.get(organization.id(), RegistryApi.ctid(ctid)), List.of(), model);
    }

    @GetMapping("/orgs/{org}/registry/{ctid}/edit")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.PUBLISH_REGISTRY)
    String editEntry(@PathVariable String org, @PathVariable String ctid, Model model) {
        Organization organization = organizations.get(org);
        RegistryEntry entry = entries.get(organization.id(), RegistryApi.ctid(ctid));
        return formPage(
                organization, Optional.of(entry), RegistryForm.of(entry.draft(), entry.version()), List.of(), model);
    }

    @PostMapping("/orgs/{org}/registry/{ctid}/edit")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.PUBLISH_REGISTRY)
    String edit(
            @PathVariable String org,
            @PathVariable String ctid,
            RegistryForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Organization organization = organizations.get(org);
        Ctid id = RegistryApi.ctid(ctid);
        RegistryEntry entry = entries.get(organization.id(), id);
        try {
            entries.updateDraft(organization.id(), org, id, form.read(), form.expectedVersion(), Actors.current());
            redirect.addFlashAttribute("notice", "registry.saved");
            return "redirect:/orgs/" + org + "/registry/" + id;
        } catch (PlatformException e) {
            return mistakes(e, organization, Optional.of(entry), form, model, request, response);
        }
    }

    @PostMapping("/orgs/{org}/registry/{ctid}/publish")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.PUBLISH_REGISTRY)
    String publish(
            @PathVariable String org,
            @PathVariable String ctid,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Organization organization = organizations.get(org);
        Ctid id = RegistryApi.ctid(ctid);
        try {
            entries.publish(organization.id(), id, Actors.current());
        } catch (PlatformException e) {
            if (e.problem() != Problem.UNPROCESSABLE || !ProblemResponses.wantsHtml(request)) {
                throw e;
            }
            response.setStatus(422);
            return entryView(organization, entries.get(organization.id(), id), e.fieldErrors(), model);
        }
        redirect.addFlashAttribute("notice", "registry.publishedNotice");
        return "redirect:/orgs/" + org + "/registry/" + id;
    }

    @PostMapping("/orgs/{org}/registry/{ctid}/withdraw")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.PUBLISH_REGISTRY)
    String withdraw(@PathVariable String org, @PathVariable String ctid, RedirectAttributes redirect) {
        Organization organization = organizations.get(org);
        Ctid id = RegistryApi.ctid(ctid);
        entries.withdraw(organization.id(), id, Actors.current());
        redirect.addFlashAttribute("notice", "registry.withdrawnNotice");
        return "redirect:/orgs/" + org + "/registry/" + id;
    }

    private String mistakes(
            PlatformException e,
            Organization organization,
            Optional<RegistryEntry> entry,
            RegistryForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (e.problem() != Problem.INVALID_INPUT || !ProblemResponses.wantsHtml(request)) {
            throw e;
        }
        response.setStatus(400);
        return formPage(organization, entry, form.cut(), e.fieldErrors(), model);
    }

    private String entryView(
            Organization organization, RegistryEntry entry, List<PlatformException.FieldError> errors, Model model) {
        model.addAttribute("organization", organization);
        model.addAttribute("entry", entry);
        model.addAttribute("canEdit", organizations.roleOfActing(organization).includes(StaffRole.ISSUER));
        model.addAttribute("history", entries.history(entry.ctid()));
        model.addAttribute("url", entries.resourceUrl(entry.ctid()).toString());
        model.addAttribute("publishErrors", errors);
        model.addAttribute("typeLabel", typeLabel(entry.draft().type()));
        return "registry/entry";
    }

    private String formPage(
            Organization organization,
            Optional<RegistryEntry> entry,
            RegistryForm form,
            List<PlatformException.FieldError> errors,
            Model model) {
        model.addAttribute("organization", organization);
        model.addAttribute("entry", entry.orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("types", TYPE_CHOICES);
        model.addAttribute("typeLabels", typeLabels(LocaleContextHolder.getLocale()));
        model.addAttribute("modes", List.of("IN_PERSON", "ONLINE", "BLENDED"));
        model.addAttribute("errors", new Errors(errors));
        return "registry/form";
    }

    /** Field errors by field, for showing each next to its input. */
    public record Errors(List<PlatformException.FieldError> all) {

        public Errors {
            all = List.copyOf(all);
        }

        public boolean any() {
            return !all.isEmpty();
        }

        public boolean has(String field) {
            return all.stream()
                    .anyMatch(e -> e.field().equals(field) || e.field().startsWith(field + "."));
        }

        public List<String> messages(String field) {
            return all.stream()
                    .filter(e -> e.field().equals(field) || e.field().startsWith(field + "."))
                    .map(PlatformException.FieldError::message)
                    .distinct()
                    .toList();
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values.isEmpty() ? "" : values.get(0);
    }

    private static Map<String, List<String>> toggled(Map<String, List<String>> params, String name, String value) {
        Map<String, List<String>> next = new LinkedHashMap<>(params);
        List<String> values = new ArrayList<>(params.get(name));
        boolean single = name.equals("cost") || name.equals("duration");
        if (values.contains(value)) {
            values.remove(value);
        } else if (single) {
            values = new ArrayList<>(List.of(value));
        } else {
            values.add(value);
        }
        next.put(name, values);
        next.put("offset", List.of());
        return next;
    }

    private static Map<String, List<String>> paged(Map<String, List<String>> params, int offset) {
        Map<String, List<String>> next = new LinkedHashMap<>(params);
        next.put("offset", offset == 0 ? List.of() : List.of(Integer.toString(offset)));
        return next;
    }

    private static String href(Map<String, List<String>> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((name, values) -> values.stream()
                .filter(v -> !v.isBlank())
                .forEach(v -> parts.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return parts.isEmpty() ? "/registry" : "/registry?" + String.join("&", parts);
    }
}
