package io.servicegroups.api.instances;

import io.servicegroups.api.ApiDocs;
import io.servicegroups.api.envelope.Envelope;
import io.servicegroups.api.request.ItemRefRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The HTTP contract of {@code /v1/instances}: routes, parameters and OpenAPI text. {@link InstanceResource}
 * implements it. Bodies are read from the request (see {@code RequestBodies}), hence no body parameters.
 */
@Path("/v1/instances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Instances", description = "Registered backends attached to service groups")
@SecurityRequirement(name = ApiDocs.BEARER)
public interface InstanceApi {
    String INSTANCE_EXAMPLE = """
            {"status": "success", "data": {"instances": [{"status": "success",
             "uuid": "77d0316a-fbbe-488d-8618-5bf7a612477a", "name": "nginx-1", "state": "running",
             "service_group": {"uuid": "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2", "name": "young-monkey-uq6dxq0u",
                               "fqdn": "young-monkey-uq6dxq0u.fra0.kraft.host"}}]}, "op_time_us": 1830}""";
    String STATE_EXAMPLE = """
            {"status": "success", "data": {"instances": [{"status": "success",
             "uuid": "77d0316a-fbbe-488d-8618-5bf7a612477a", "name": "nginx-1", "state": "draining",
             "previous_state": "running"}]}, "op_time_us": 950}""";

    @POST
    @Operation(summary = "Register one or more instances",
            description = "An instance is a backend that already runs at address. service_group: absent for a"
                    + " private instance, {uuid} or {name} of one of your groups to attach it, or {services,"
                    + " dns_name?} to create an implicit group that lives as long as this instance. A second"
                    + " instance attached to an implicit group makes the group persistent.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CreateInstanceRequest.class),
            examples = {
                    @ExampleObject(name = "attach to an existing group", value = """
                            {"name": "nginx-1", "address": "10.0.0.7", "service_group": {"name": "my-project"}}"""),
                    @ExampleObject(name = "with an implicit group", value = """
                            {"address": "backend.internal", "service_group": {"services": [{"port": 443,
                             "destination_port": 8080, "handlers": ["tls", "http"]}]}}"""),
                    @ExampleObject(name = "private", value = """
                            {"name": "worker", "address": "2001:db8::7"}""")}))
    @APIResponse(responseCode = "200", description = "One item per requested instance, in order",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "created",
                    value = INSTANCE_EXAMPLE)))
    Uni<Envelope<InstancesData>> create(@Context HttpServerRequest request);

    @GET
    @Operation(summary = "Get instances",
            description = "By uuid/name query parameters, or all of yours a page at a time (count, from). Unknown"
                    + " instances answer an item with error 8. " + ApiDocs.BODY_FORM)
    @Parameter(name = "uuid", in = ParameterIn.QUERY, description = "An instance's uuid; repeatable")
    @Parameter(name = "name", in = ParameterIn.QUERY, description = "An instance's name; repeatable")
    @Parameter(name = "details", in = ParameterIn.QUERY, description = "false: only uuid and name")
    @Parameter(name = "count", in = ParameterIn.QUERY, description = "Page size when listing all (1-1000)")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "Listing all: start after this instance (also"
            + " when it was deleted meanwhile)")
    @APIResponse(responseCode = "200", description = "One item per requested instance, in order")
    Uni<Envelope<InstancesData>> get(@Context HttpServerRequest request, @RestQuery List<String> uuid,
                                     @RestQuery List<String> name, @RestQuery String details,
                                     @RestQuery String count, @RestQuery String from);

    @GET
    @Path("/{uuid}")
    @Operation(summary = "Get one instance by uuid (local scope)")
    @Parameter(name = "uuid", in = ParameterIn.PATH, description = "The instance's uuid", required = true)
    @APIResponse(responseCode = "200", description = "The instance, or an item with error 8")
    Uni<Envelope<InstancesData>> getOne(@RestPath String uuid, @Context HttpServerRequest request,
                                        @RestQuery String details);

    @PUT
    @Path("/stop")
    @Operation(summary = "Stop instances",
            description = "With drain_timeout_ms a running instance drains (no new connections, existing ones"
                    + " may finish) and stops when the timeout passes; without it, or with force, it stops at"
                    + " once. Refused transitions answer an item with error 14 and change nothing.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = StopRequest.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "drain for 30 s", value = """
                    [{"name": "nginx-1", "drain_timeout_ms": 30000}]""")))
    @APIResponse(responseCode = "200", description = "state and previous_state per instance",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "draining",
                    value = STATE_EXAMPLE)))
    Uni<Envelope<InstancesData>> stop(@Context HttpServerRequest request);

    @PUT
    @Path("/{uuid}/stop")
    @Operation(summary = "Stop one instance (local scope)")
    @Parameter(name = "uuid", in = ParameterIn.PATH, description = "The instance's uuid", required = true)
    @RequestBody(required = false, description = "Optional: without a body the instance stops at once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StopRequest.class),
            examples = @ExampleObject(name = "drain for 30 s", value = """
                    {"drain_timeout_ms": 30000}""")))
    @APIResponse(responseCode = "200", description = "state and previous_state",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "draining",
                    value = STATE_EXAMPLE)))
    Uni<Envelope<InstancesData>> stopOne(@RestPath String uuid, @Context HttpServerRequest request);

    @PUT
    @Path("/start")
    @Operation(summary = "Start stopped instances")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ItemRefRequest.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "200", description = "state and previous_state per instance")
    Uni<Envelope<InstancesData>> start(@Context HttpServerRequest request);

    @PUT
    @Path("/{uuid}/start")
    @Operation(summary = "Start one stopped instance (local scope)")
    @Parameter(name = "uuid", in = ParameterIn.PATH, description = "The instance's uuid", required = true)
    @APIResponse(responseCode = "200", description = "state and previous_state")
    Uni<Envelope<InstancesData>> startOne(@RestPath String uuid, @Context HttpServerRequest request);

    @DELETE
    @Operation(summary = "Delete instances",
            description = "Name the instances with uuid/name query parameters (one of the two is required). Removes"
                    + " each instance from its group at once; the owner of an implicit, non-persistent group takes"
                    + " the group with it and frees its DNS name. " + ApiDocs.BODY_FORM)
    @Parameter(name = "uuid", in = ParameterIn.QUERY, description = "An instance's uuid; repeatable")
    @Parameter(name = "name", in = ParameterIn.QUERY, description = "An instance's name; repeatable")
    @APIResponse(responseCode = "200", description = "One item per named instance")
    Uni<Envelope<InstancesData>> delete(@Context HttpServerRequest request, @RestQuery List<String> uuid,
                                        @RestQuery List<String> name);

    @DELETE
    @Path("/{uuid}")
    @Operation(summary = "Delete one instance (local scope)")
    @Parameter(name = "uuid", in = ParameterIn.PATH, description = "The instance's uuid", required = true)
    @APIResponse(responseCode = "200", description = "The deleted instance, or an item with error 8")
    Uni<Envelope<InstancesData>> deleteOne(@RestPath String uuid, @Context HttpServerRequest request);
}
