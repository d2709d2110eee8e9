using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using MissionOps.Personnel.Movements;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.Client;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.Personnel.Manifests;

/// <summary>One checked manifest row, kept compact: a manifest may hold hundreds of thousands.</summary>
public readonly record struct ManifestLine(
    string PersonId, MovementKind Kind, MovementMode Mode, string OriginSite, string? DestinationSite, DateOnly PlannedDate, DateOnly? ArrivalDate);

/// <summary>What a manifest's header names, checked: the mission, the manifest and the request.</summary>
public sealed record ManifestHeading(string MissionId, string ManifestId, Guid RequestId)
{
    public string Name => $"missions/{MissionId}/manifests/{ManifestId}";
}

/// <summary>
/// Reads a manifest stream: its header first, then its rows as they arrive, each checked, so they can be
/// stored while the rest is still on its way. A bad row is named by position and field
/// (<c>rows[1207].index_number</c>); once one is found no more rows are given, and the whole list is
/// thrown at the end. The reader hashes everything it reads, so a resend can be recognised.
/// </summary>
public sealed class ManifestReader(IAsyncStreamReader<ImportMovementManifestRequest> stream, SitesDirectory sites, int maxRows = ManifestReader.MaxRows)
    : IDisposable
{
    /// <summary>At most this many violations are listed; the count of the rest is given.</summary>
    public const int MaxListedViolations = 100;

    public const int MaxManifestIdLength = 48;

    /// <summary>The most rows one manifest may carry by default (<c>Personnel:MaxManifestRows</c>); a larger movement is split into several manifests.</summary>
    public const int MaxRows = 500_000;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public async Task<ManifestHeading> ReadHeaderAsync(CancellationToken ct)
    {
        if (!await stream.MoveNext(ct) || stream.Current.PartCase != ImportMovementManifestRequest.PartOneofCase.Header)
        {
            throw new InvalidArgumentException("header", "the first message of a manifest must be its header");
        }

        var header = stream.Current.Header;
        _hash.AppendData(header.ToByteArray());
        var v = new RequestValidator();
        var missionId = v.Name("header.parent", header.Parent, "missions")[0];
        var manifestId = v.ResourceId("header.manifest_id", header.ManifestId);
        v.Check(manifestId.Length <= MaxManifestIdLength, "header.manifest_id", $"must be at most {MaxManifestIdLength} characters");
        var requestId = v.RequestId("header.request_id", header.RequestId);
        v.ThrowIfInvalid();
        return new ManifestHeading(missionId, manifestId, requestId);
    }

    /// <summary>
    /// The rows after the header, each with its position, as they arrive and while all are good; then, if any
    /// was bad or names a site the Sites service does not know, the violations.
    /// </summary>
    public async IAsyncEnumerable<(int Row, ManifestLine Line)> LinesAsync(string missionId, IReadOnlyDictionary<string, string> people,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var siteUses = new Dictionary<string, List<(int Row, string Field)>>(StringComparer.Ordinal);
        var violations = new List<FieldViolation>();
        var more = 0;
        void Bad(int row, string field, string description)
        {
            if (violations.Count < MaxListedViolations)
            {
                violations.Add(new FieldViolation($"rows[{row}].{field}", description));
            }
            else
            {
                more++;
            }
        }

        void UseSite(int row, string field, string site)
        {
            if (!siteUses.TryGetValue(site, out var uses))
            {
                siteUses[site] = uses = [];
            }

            if (uses.Count < MaxListedViolations)
            {
                uses.Add((row, field));
            }
        }

        ManifestLine? Read(ManifestRow row, int position)
        {
            var ok = true;
            if (!people.TryGetValue(row.IndexNumber, out var personId))
            {
                Bad(position, "index_number", string.IsNullOrEmpty(row.IndexNumber)
                    ? "is required"
                    : $"no one has index number '{row.IndexNumber}' in missions/{missionId}");
                ok = false;
            }

            foreach (var breach in MovementRules.Breaches(row.Kind, row.Mode, row.OriginSite, row.DestinationSite))
            {
                Bad(position, breach.Attribute, breach.Description);
                ok = false;
            }

            UseSite(position, "origin_site", row.OriginSite);
            if (row.Kind == MovementKind.Transfer)
            {
                UseSite(position, "destination_site", row.DestinationSite);
            }

            var planned = row.PlannedDate.ToDateOnly();
            if (planned is null)
            {
                Bad(position, "planned_date", "is required: a full calendar date");
                ok = false;
            }

            DateOnly? arrival = null;
            if (row.ArrivalDate is not null)
            {
                arrival = row.ArrivalDate.ToDateOnly();
                if (arrival is null)
                {
                    Bad(position, "arrival_date", "is not a full calendar date");
                    ok = false;
                }
            }

            return !ok ? null : new ManifestLine(personId!, row.Kind, row.Mode, row.OriginSite,
                    row.Kind == MovementKind.Transfer ? row.DestinationSite : null, planned!.Value, arrival);
        }

        var position = 0;
        while (await stream.MoveNext(ct))
        {
            var part = stream.Current;
            _hash.AppendData(part.ToByteArray());
            if (part.PartCase != ImportMovementManifestRequest.PartOneofCase.Rows)
            {
                if (violations.Count < MaxListedViolations)
                {
                    violations.Add(new FieldViolation("header", "only the first message of a manifest is a header; the others carry rows"));
                }

                continue;
            }

            if (position + part.Rows.Rows.Count > maxRows)
            {
                throw new LimitExceededException("manifest_rows", maxRows,
                    $"A manifest holds at most {maxRows:N0} rows; this one has more. Split it into several manifests. Nothing was stored.");
            }

            foreach (var row in part.Rows.Rows)
            {
                // Once a row is bad nothing will be stored: the rest are only checked, to name them all.
                if (Read(row, position) is { } line && violations.Count == 0)
                {
                    yield return (position, line);
                }

                position++;
            }
        }

        if (position == 0)
        {
            Bad(0, "index_number", "a manifest needs at least one row");
        }

        await CheckSitesAsync(missionId, siteUses, Bad, ct);
        if (violations.Count > 0)
        {
            if (more > 0)
            {
                violations.Add(new FieldViolation("rows", $"{more} more violation(s) not listed"));
            }

            throw new InvalidArgumentException(violations);
        }
    }

    /// <summary>The hash of the whole request, after reading whatever of it is still unread (all its rows, for a resent manifest).</summary>
    public async Task<byte[]> HashToEndAsync(CancellationToken ct)
    {
        while (await stream.MoveNext(ct))
        {
            _hash.AppendData(stream.Current.ToByteArray());
        }

        return _hash.GetCurrentHash();
    }

    public void Dispose() => _hash.Dispose();

    private async Task CheckSitesAsync(string missionId, Dictionary<string, List<(int Row, string Field)>> siteUses,
        Action<int, string, string> bad, CancellationToken ct)
    {
        foreach (var (site, uses) in siteUses)
        {
            var ids = ResourceName.TryParse(site, "missions", "sites");
            var problem = ids is null ? $"'{site}' is not a site name of the form missions/{{mission}}/sites/{{site}}"
                : ids[0] != missionId ? $"{site} is not a site of missions/{missionId}"
                : !await sites.ExistsAsync(site, ct) ? $"{site} does not exist in the Sites service"
                : null;
            if (problem is not null)
            {
                foreach (var (row, field) in uses)
                {
                    bad(row, field, problem);
                }
            }
        }
    }
}
