using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Paging;

namespace MissionOps.ServiceDefaults.Audit;

/// <summary>The audit log: one entry per change, written with the change; listed newest first.</summary>
public static class AuditLog
{
    /// <summary>Peer and user agent are the caller's own words: kept, cut to this length.</summary>
    internal const int MaxOriginLength = 200;

    /// <summary>Adds the entry for a change to the unit of work; nothing when no caller is known (start-up data, background work).</summary>
    public static void Record(DbContext db, string missionId, Guid requestId, string resource, IMessage after, DateTimeOffset now)
    {
        if (EntryFor(missionId, requestId, resource, after, now) is { } entry)
        {
            db.Set<AuditRecord>().Add(entry);
        }
    }

    /// <summary>The entry the current caller's call writes; null when no caller is known.</summary>
    internal static AuditRecord? EntryFor(string missionId, Guid requestId, string resource, IMessage after, DateTimeOffset now) =>
        AuditScope.Current is not { } actor
            ? null
            : new AuditRecord
            {
                MissionId = missionId,
                Subject = actor.Subject,
                Roles = string.Join(' ', actor.Roles),
                Partner = actor.Partner,
                Method = actor.Method,
                RequestId = requestId,
                Resource = resource,
                OccurTime = now,
                Peer = Cut(actor.Peer),
                UserAgent = Cut(actor.UserAgent),
                TraceId = Activity.Current is { } activity ? activity.TraceId.ToHexString() : null,
                Before = actor.Before?.ToByteArray(),
                After = Any.Pack(after).ToByteArray(),
            };

    public static async Task<(IReadOnlyList<AuditEntry> Entries, string NextPageToken)> ListAsync(DbContext db, string? parent, int pageSize,
        string? pageToken, string? resource, string? subject, string? method, CancellationToken ct)
    {
        var missionId = ResourceName.Parse("parent", parent, "missions")[0];
        var fingerprint = $"{resource}|{subject}|{method}";
        var page = PageRequest.Parse(pageSize, pageToken, fingerprint);
        var query = db.Set<AuditRecord>().AsNoTracking().Where(e => e.MissionId == missionId);
        if (!string.IsNullOrEmpty(resource))
        {
            query = query.Where(e => e.Resource == resource);
        }

        if (!string.IsNullOrEmpty(subject))
        {
            query = query.Where(e => e.Subject == subject);
        }

        if (!string.IsNullOrEmpty(method))
        {
            query = query.Where(e => e.Method.EndsWith("/" + method));
        }

        if (page.AfterKey is not null)
        {
            var before = long.TryParse(page.AfterKey, System.Globalization.CultureInfo.InvariantCulture, out var key)
                ? key
                : throw new Errors.InvalidArgumentException("page_token", "is not a token this service issued");
            query = query.Where(e => e.Sequence < before);
        }

        var records = await query.OrderByDescending(e => e.Sequence).Take(page.Size).ToListAsync(ct);
        var entries = records.Select(r => new AuditEntry
        {
            Sequence = r.Sequence,
            Mission = $"missions/{r.MissionId}",
            Subject = r.Subject,
            Roles = { r.Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries) },
            Partner = r.Partner ?? string.Empty,
            Method = r.Method,
            RequestId = r.RequestId == Guid.Empty ? string.Empty : r.RequestId.ToString(),
            Resource = r.Resource,
            OccurTime = r.OccurTime.ToProto(),
            Peer = r.Peer ?? string.Empty,
            UserAgent = r.UserAgent ?? string.Empty,
            TraceId = r.TraceId ?? string.Empty,
            Before = r.Before is null ? null : Any.Parser.ParseFrom(r.Before),
            After = Any.Parser.ParseFrom(r.After),
        }).ToList();
        return (entries, page.NextToken(records, r => r.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), fingerprint));
    }

    private static string? Cut(string? text) => text is { Length: > MaxOriginLength } ? text[..MaxOriginLength] : text;
}
