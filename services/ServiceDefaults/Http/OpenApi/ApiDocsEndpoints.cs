using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace MissionOps.ServiceDefaults.Http.OpenApi;

/// <summary>
/// A service's description for partners who cannot read .proto files: the OpenAPI document at <see cref="DocumentRoute"/>
/// and an interactive page at <see cref="DocsRoute"/> (Scalar, served from its own assembly: nothing from elsewhere). Both are
/// public, as the contracts are; the calls made from the page still need a token.
/// </summary>
public static class ApiDocsEndpoints
{
    public const string DocumentRoute = "/openapi/v1.json";

    public const string DocsRoute = "/docs";

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app, ServiceDescriptor service, string title)
    {
        var json = Json(ContractOpenApi.Build(ContractDescriptors.Service(service.FullName), title));
        app.MapGet(DocumentRoute, () => Results.Text(json, "application/json", System.Text.Encoding.UTF8)).AllowAnonymous();
        app.MapScalarApiReference(DocsRoute, options => options
            .WithTitle(title)
            .WithOpenApiRoutePattern(DocumentRoute)
            .AddPreferredSecuritySchemes([ContractOpenApi.BearerScheme])
            .EnablePersistentAuthentication()
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()).AllowAnonymous();
        return app;
    }

    public static string Json(OpenApiDocument document)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString();
    }
}
