using Google.Protobuf.Reflection;
using Microsoft.OpenApi;

namespace MissionOps.ServiceDefaults.Http.OpenApi;

/// <summary>
/// A service's OpenAPI 3.1 document, made from its contract alone: each HTTP binding at its rule's path and verb, the
/// proto comments as descriptions, path variables, query fields and bodies as JSON transcoding reads them, answers as it
/// writes them, every refusal a <c>google.rpc.Status</c>, and a bearer token for every call.
/// </summary>
public static class ContractOpenApi
{
    public const string BearerScheme = "bearer";

    public static OpenApiDocument Build(ServiceDescriptor service, string title)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo { Title = title, Version = "v1", Description = ContractComments.Of(service) },
            Paths = new OpenApiPaths(),
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        BearerFormat = "JWT",
                        Description = "A MissionOps token for this service. In development: "
                            + "`dotnet run --project tools/MissionOps.Cli -- token --role planner --mission minusma --service all`.",
                    },
                },
            },
            Tags = new HashSet<OpenApiTag> { new() { Name = service.Name, Description = ContractComments.Of(service) } },
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];

        var schemas = new ContractSchemas(document);
        var status = schemas.Message(ContractDescriptors.Message("google.rpc.Status"));
        foreach (var binding in ContractOperation.Of(service))
        {
            if (!document.Paths.TryGetValue(binding.Path.Path, out var item))
            {
                item = new OpenApiPathItem();
                document.Paths.Add(binding.Path.Path, item);
            }

            if (item.Operations?.ContainsKey(binding.Verb) == true)
            {
                throw new InvalidOperationException($"{binding.Method.FullName} and another RPC are both bound to {binding.Verb} {binding.Path.Path}.");
            }

            ((OpenApiPathItem)item).AddOperation(binding.Verb, Operation(binding, schemas, status, document));
        }

        return document;
    }

    private static OpenApiOperation Operation(ContractOperation binding, ContractSchemas schemas, IOpenApiSchema status, OpenApiDocument document)
    {
        var method = binding.Method;
        var operation = new OpenApiOperation
        {
            OperationId = method.Name,
            Summary = method.Name,
            Description = ContractComments.Of(method),
            Tags = new HashSet<OpenApiTagReference> { new(method.Service.Name, document) },
            Parameters = PathParameters(binding).Concat<IOpenApiParameter>(ContractQueryParameters.Of(binding, schemas)).ToList(),
            Responses = new OpenApiResponses
            {
                ["200"] = Json(Answer(method), schemas.Message(ResponseMessage(binding))),
                ["default"] = Json("A refusal: the gRPC status as a `google.rpc.Status`, its details each with their `@type`, under the HTTP status of "
                    + "its code (400 INVALID_ARGUMENT or FAILED_PRECONDITION, 401, 403, 404, 409, 429, 503...).", status),
            },
        };

        if (binding.Rule.Body is { Length: > 0 } body)
        {
            var bound = binding.Path.Variables.Select(v => v.FieldPath).Where(p => !p.Contains('.', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            var schema = body == "*"
                ? schemas.MessageWithout(method.InputType, bound)
                : schemas.Field(ContractOperation.FieldAt(method.InputType, body));
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = body == "*" ? ContractComments.Of(method.InputType) : ContractComments.Of(ContractOperation.FieldAt(method.InputType, body)),
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        }

        return operation;
    }

    private static IEnumerable<OpenApiParameter> PathParameters(ContractOperation binding) =>
        binding.Path.Variables.SelectMany(variable => variable.Parameters.Select(name => new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Path,
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Description = $"Part of `{variable.FieldPath}`, which is `{variable.Template}`. "
                + ContractComments.Of(ContractOperation.FieldAt(binding.Method.InputType, variable.FieldPath)),
        }));

    private static MessageDescriptor ResponseMessage(ContractOperation binding) =>
        binding.Rule.ResponseBody is { Length: > 0 } field
            ? ContractOperation.FieldAt(binding.Method.OutputType, field).MessageType
            : binding.Method.OutputType;

    private static string Answer(MethodDescriptor method) => method.IsServerStreaming
        ? $"A stream of `{method.OutputType.Name}` JSON objects, one after the other as they come."
        : $"The `{method.OutputType.Name}`.";

    private static OpenApiResponse Json(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
    };
}
