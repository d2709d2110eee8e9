using System.Globalization;
using Microsoft.AspNetCore.Localization;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Contracts;

namespace MissionOps.Board;

/// <summary>The board's two languages, the user's choice kept in a cookie, and the contract's bilingual texts picked by it.</summary>
public static class BoardCultures
{
    public const string CulturePath = "/culture";

    public static readonly IReadOnlyList<string> Supported = ["en", "fr"];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Supported[0])
            .AddSupportedCultures([.. Supported])
            .AddSupportedUICultures([.. Supported]);
        // The choice made on the board first, then the browser's languages; never the query string.
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }

    /// <summary><c>/culture?name=fr&amp;returnUrl=/missions/minusma</c>: keeps the choice for a year and reloads the page in it.</summary>
    public static WebApplication MapCultureSwitch(this WebApplication app)
    {
        app.MapGet(CulturePath, (HttpContext context, string name, string? returnUrl) =>
        {
            if (!Supported.Contains(name))
            {
                return Results.BadRequest($"name: one of {string.Join(", ", Supported)}.");
            }

            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        });
        return app;
    }

    public static bool IsFrench => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    /// <summary>The text in the user's language, the other one when it has only that.</summary>
    public static string Pick(LocalizedText? text) =>
        text is null ? string.Empty : IsFrench ? (text.Fr is { Length: > 0 } fr ? fr : text.En) : (text.En is { Length: > 0 } en ? en : text.Fr);

    /// <summary>A day as people write it in the chosen language: 9 Dec 2023, 9 déc. 2023.</summary>
    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string Day(DateOnly? day) => day is { } d ? Day(d) : "–";

    public static string Count(int count) => count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>An amount with its currency, in the chosen language's digits: USD 48,000.00, USD 48 000,00.</summary>
    public static string Amount(Money? money) => Amount(money, CultureInfo.CurrentCulture);

    /// <summary>An amount with its currency, in the digits of <paramref name="culture"/>; "–" when there is none.</summary>
    public static string Amount(Money? money, IFormatProvider culture) => money is null || string.IsNullOrEmpty(money.CurrencyCode)
        ? "–"
        : $"{money.CurrencyCode} {MinorUnits.ToDecimal(money.MinorUnits, money.CurrencyCode).ToString("N" + MinorUnits.DecimalsOf(money.CurrencyCode), culture)}";

    /// <summary>A point as degrees north or south and east or west: 14.53° N, 4.10° W.</summary>
    public static string Place(Google.Type.LatLng? point) => point is null
        ? "–"
        : string.Format(CultureInfo.CurrentCulture, "{0:0.00}° {1}, {2:0.00}° {3}", Math.Abs(point.Latitude), point.Latitude >= 0 ? "N" : "S",
            Math.Abs(point.Longitude), point.Longitude >= 0 ? "E" : (IsFrench ? "O" : "W"));
}
