package io.servicegroups.api.groups;

import io.servicegroups.api.ApiDocs;
import io.servicegroups.api.envelope.Envelope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The HTTP contract of {@code /v1/services}: routes, parameters and OpenAPI text. {@link ServiceGroupResource}
 * implements it. Bodies are read from the request (see {@code RequestBodies}), hence no body parameters. */
@Path("/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Service groups", description = "Publish ports under a DNS name and balance across attached instances")
@SecurityRequirement(name = ApiDocs.BEARER)
public interface ServiceGroupApi {

    @Operation(summary = "Create one or more service groups",
            description = "Takes one object or an array of objects. Each item is created in its own transaction;"
                    + " items that break a rule answer status error with a numeric error code, the others are"
                    + " created (status partial_success). HTTP 200 for every well-formed request.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CreateServiceGroupRequest.class),
            examples = {
                    @ExampleObject(name = "HTTPS on 443 to 8080 (seed example)", value = """
                            {"services": [{"port": 443, "destination_port": 8080, "handlers": ["tls", "http"]}]}"""),
                    @ExampleObject(name = "named, with HTTP to HTTPS redirect", value = """
                            {"name": "my-project", "dns_name": "my-project",
                             "services": [{"port": 443, "destination_port": 8080, "handlers": ["tls", "http"]},
                                          {"port": 80, "destination_port": 443, "handlers": ["http", "redirect"]}]}"""),
                    @ExampleObject(name = "batch", value = """
                            [{"name": "a", "services": []}, {"name": "b", "services": []}]""")}))
    @APIResponse(responseCode = "200", description = "One item per requested group, in order",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "created",
                    value = ApiDocs.CREATED_EXAMPLE)))
    @POST
    Uni<Envelope<ServiceGroupsData>> create(@Context HttpServerRequest request);

    @Operation(summary = "Get service groups",
            description = "Name the groups with uuid/name query parameters; with neither, all of your groups, a page"
                    + " at a time (count, from). Unknown groups answer an item with error 8. " + ApiDocs.BODY_FORM)
    @Parameters({
            @Parameter(name = "uuid", in = ParameterIn.QUERY, description = "A group's uuid; repeatable"),
            @Parameter(name = "name", in = ParameterIn.QUERY, description = "A group's name; repeatable"),
            @Parameter(name = "details", in = ParameterIn.QUERY, description = "false: only uuid and name"),
            @Parameter(name = "count", in = ParameterIn.QUERY, description = "Page size when listing all (1-1000)"),
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "Listing all: start after the group with"
                    + " this uuid (the last of the previous page; also when it was deleted meanwhile)")})
    @APIResponse(responseCode = "200", description = "One item per requested group, in order",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "a group",
                    value = ApiDocs.GROUP_EXAMPLE)))
    @GET
    Uni<Envelope<ServiceGroupsData>> get(@Context HttpServerRequest request, @RestQuery List<String> uuid,
                                         @RestQuery List<String> name, @RestQuery String details,
                                         @RestQuery String count, @RestQuery String from);

    @Operation(summary = "Get one service group by uuid (local scope)")
    @Parameter(name = "uuid", in = ParameterIn.PATH, description = "The group's uuid", required = true)
    @Parameter(name = "details", in = ParameterIn.QUERY, description = "false: only uuid and name")
    @APIResponse(responseCode = "200", description = "The group, or an item with error 8",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "a group",
                    value = ApiDocs.GROUP_EXAMPLE)))
    @GET
    @Path("/{uuid}")
    Uni<Envelope<ServiceGroupsData>> getOne(@RestPath String uuid, @Context HttpServerRequest request,
                                            @RestQuery String details);

    @Operation(summary = "Delete service groups",
            description = "Name the groups with uuid/name query parameters (one of the two is required). An item"
                    + " fails with error 15 while instances are attached; after a delete the uuid is invalid and the"
                    + " DNS name free. " + ApiDocs.BODY_FORM)
    @Parameter(name = "uuid", in = ParameterIn.QUERY, description = "A group's uuid; repeatable")
    @Parameter(name = "name", in = ParameterIn.QUERY, description = "A group's name; repeatable")
    @APIResponse(responseCode = "200", description = "One item per named group",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "deleted",
                    value = ApiDocs.DELETED_EXAMPLE)))
    @DELETE
    Uni<Envelope<ServiceGroupsData>> delete(@Context HttpServerRequest request, @RestQuery List<String> uuid,
                                            @RestQuery List<String> name);

    @Operation(summary = "Delete one service group by uuid (local scope)")
    @Parameter(name = "uuid", in = ParameterIn.PATH, description = "The group's uuid", required = true)
    @APIResponse(responseCode = "200", description = "The deleted group, or an item with error 8 or 15",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "deleted",
                    value = ApiDocs.DELETED_EXAMPLE)))
    @DELETE
    @Path("/{uuid}")
    Uni<Envelope<ServiceGroupsData>> deleteOne(@RestPath String uuid, @Context HttpServerRequest request);

    @Operation(summary = "List your service groups, optionally filtered",
            description = "Filters (all optional, combined with AND) as query parameters: persistent, and fqdn"
                    + " (exact, case-insensitive, trailing dot optional). Clients that send bodies with GET may give"
                    + " them as a JSON body instead, e.g. {\"fqdn\": \"young-monkey-uq6dxq0u.fra0.kraft.host\"}"
                    + " (schema ServiceGroupListFilter); not both.")
    @Parameter(name = "persistent", in = ParameterIn.QUERY, description = "Only groups with this persistence")
    @Parameter(name = "fqdn", in = ParameterIn.QUERY, description = "Only the group with this DNS name")
    @APIResponse(responseCode = "200", description = "uuid and name of each matching group",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "list",
                    value = ApiDocs.LIST_EXAMPLE)))
    @GET
    @Path("/list")
    Uni<Envelope<ServiceGroupsData>> list(@Context HttpServerRequest request, @RestQuery String persistent,
                                          @RestQuery String fqdn);
}
