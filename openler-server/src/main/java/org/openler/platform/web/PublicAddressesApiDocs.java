package org.openler.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The public addresses credentials name, in the OpenAPI document: an issuer's {@code url} and an achievement's
 * {@code id}. Their handlers answer people with a page and programs with JSON-LD from one method (a view, which
 * springdoc does not list), so the programs' side is described here.
 */
@Component
class PublicAddressesApiDocs implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        openApi.path(
                "/orgs/{org}",
                get(
                        "issuerProfile",
                        "The issuer's public profile (what its credentials name as issuer.url)",
                        "For programs, the Open Badges 3.0 Profile as JSON-LD (id: the issuer's did:web, name, url);"
                                + " a browser asking for text/html gets the profile page (the organization's staff"
                                + " get their home).",
                        org()));
        openApi.path(
                "/orgs/{org}/achievements/{id}",
                get(
                        "achievement",
                        "An achievement's public description (what its credentials name as achievement.id)",
                        "For programs, the Open Badges 3.0 Achievement as JSON-LD, as credentials carry it, with its"
                                + " creator; a browser asking for text/html gets the achievement's page.",
                        org(),
                        new Parameter()
                                .name("id")
                                .in("path")
                                .required(true)
                                .schema(new StringSchema().format("uuid"))));
    }

    private static PathItem get(String id, String summary, String description, Parameter... parameters) {
        Content content = new Content()
                .addMediaType("application/ld+json", new MediaType().schema(new ObjectSchema()))
                .addMediaType("application/json", new MediaType().schema(new ObjectSchema()))
                .addMediaType("text/html", new MediaType().schema(new StringSchema()));
        Operation operation = new Operation()
                .operationId(id)
                .summary(summary)
                .description(description)
                .responses(new ApiResponses()
                        .addApiResponse(
                                "200",
                                new ApiResponse().description("The description").content(content))
                        .addApiResponse("404", new ApiResponse().description("No such organization or achievement")));
        for (Parameter p : parameters) {
            operation.addParametersItem(p);
        }
        return new PathItem().get(operation);
    }

    private static Parameter org() {
        return new Parameter().name("org").in("path").required(true).schema(new StringSchema());
    }
}
