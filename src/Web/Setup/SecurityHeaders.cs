using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Annotate.Web.Setup;

/// <summary>
/// The browser-side defences on every answer, set as it starts so that error pages, static files and
/// re-executed not-found pages carry them too. An endpoint that set its own Content-Security-Policy (the
/// printable export) keeps it.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Pages. Scripts only from this origin: blazor.web.js and MudBlazor need neither eval nor inline
    /// script (Blazor Server runs .NET on the server; its JS only patches the DOM), and our own scripts are
    /// .js files beside their components. The one inline script is the import map Blazor writes into the
    /// head (module names to fingerprinted files), allowed by its hash. Styles may be inline because
    /// MudBlazor writes style attributes on its components (popover positions, sizes) and its theme as a
    /// style element, and Blazor sets style attributes while rendering. Images from here and data: URIs
    /// (Bootstrap's form icons on the account pages); images in comments are shown as links, not loaded.
    /// 'self' in connect-src covers the circuit's WebSocket to the same host (CSP Level 3).
    /// </summary>
    private const string PagePolicy = "default-src 'self'; script-src 'self'{0}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>API and hub answers are data, never a page: nothing in them may run or load, even if a browser were led to show one.</summary>
    private const string DataPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        var pagePolicy = new Lazy<string>(() => string.Format(PagePolicy, ImportMapSource(app.Services.GetRequiredService<EndpointDataSource>())));
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var path = context.Request.Path;
                if (headers.ContentSecurityPolicy.Count == 0)
                    headers.ContentSecurityPolicy = path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") ? DataPolicy : pagePolicy.Value;
                headers.XContentTypeOptions = "nosniff";
                // For browsers that predate frame-ancestors.
                headers.XFrameOptions = "DENY";
                // Addresses hold document ids and join codes: other sites learn nothing, our own pages keep the full referrer.
                headers["Referrer-Policy"] = "same-origin";
                // Nothing here uses these; passkeys (publickey-credentials-*) keep their default, this origin.
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>" 'sha256-…'" of the import map every page writes, or nothing when there is none.</summary>
    private static string ImportMapSource(EndpointDataSource endpoints)
    {
        var importMap = endpoints.Endpoints.Select(e => e.Metadata.GetMetadata<ImportMapDefinition>()).FirstOrDefault(d => d is not null);
        return importMap is null ? "" : $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString())))}'";
    }
}
