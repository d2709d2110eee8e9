using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MissionOps.Personnel.Movements;

/// <summary>A person a movement carries who is not at its origin on its planned day: elsewhere, not yet assigned, or gone.</summary>
public sealed record OriginMismatch(string MovementId, string PersonId, string OriginSite, DateOnly Day, string? LocatedAt, bool NotYetAssigned)
{
    /// <summary>True when the person is at another site; false when they are not in the mission that day (not yet, or no longer).</summary>
    public bool IsElsewhere => LocatedAt is not null;

    public string Describe(string missionId)
    {
        var person = $"missions/{missionId}/personnel/{PersonId}";
        return LocatedAt is { } site ? $"{person} is at {site} on {Day:yyyy-MM-dd}, not at {OriginSite}"
            : NotYetAssigned ? $"{person} is not yet assigned to the mission on {Day:yyyy-MM-dd}"
            : $"{person} has already left the mission by {Day:yyyy-MM-dd}";
    }
}

/// <summary>
/// Nobody moves from where they are not, leaves a site twice, or moves once out of the mission: every
/// person a movement carries must be at its origin on its planned day, as the forecast places them
/// (the last of their other legs on or before that day, completed, planned, in transit or held, else the
/// site they were first assigned to). Checked in SQL once the movements and their legs are written, in
/// the change's transaction, for one movement or a whole manifest at once; among the movements of one
/// manifest, legs of the same day follow the order of the rows.
/// </summary>
public static class MovementOrigins
{
    // One pass over the people's timelines rather than a lookup per row: their legs (by the day they take effect)
    // and the movements checked (by their planned day), sorted together; each checked movement reads the
    // destination of the last leg before it. On a day, the legs of other movements come first, then the
    // movements checked and their legs in the order of their ids (a manifest's rows), each movement just
    // before its own leg.
    private const string Sql = """
        WITH checked AS (
            SELECT m.id, m.planned_date, m.origin_site, l.person_id
            FROM movements m
            JOIN movement_legs l ON l.mission_id = m.mission_id AND l.movement_id = m.id
            WHERE m.mission_id = @mission AND {0}
        ), timeline AS (
            SELECT l.person_id, l.effective_date AS day, CASE WHEN c.id IS NULL THEN 0 ELSE 1 END AS class,
                   l.movement_id AS id, 1 AS is_leg, l.destination_site AS site, NULL::text AS origin
            FROM movement_legs l
            LEFT JOIN checked c ON c.id = l.movement_id AND c.person_id = l.person_id
            WHERE l.mission_id = @mission AND l.state IN ('Completed', 'Planned', 'InTransit', 'Held')
              AND l.person_id IN (SELECT person_id FROM checked)
            UNION ALL
            SELECT person_id, planned_date, 1, id, 0, NULL, origin_site FROM checked
        ), counted AS (
            SELECT *, count(*) FILTER (WHERE is_leg = 1) OVER (PARTITION BY person_id ORDER BY day, class, id, is_leg) AS legs_before
            FROM timeline
        ), located AS (
            SELECT counted.*, first_value(site) OVER (PARTITION BY person_id, legs_before ORDER BY day, class, id, is_leg) AS last_site
            FROM counted
        )
        SELECT q.id, q.person_id, q.origin, q.day, site.at, q.legs_before = 0 AND p.assignment_date > q.day
        FROM located q
        JOIN personnel p ON p.mission_id = @mission AND p.id = q.person_id
        CROSS JOIN LATERAL (
            SELECT CASE WHEN q.legs_before > 0 THEN q.last_site WHEN p.assignment_date <= q.day THEN p.assigned_site END AS at) site
        WHERE q.is_leg = 0 AND site.at IS DISTINCT FROM q.origin
        ORDER BY q.id, q.person_id
        LIMIT @limit
        """;

    /// <summary>The people of one movement not at its origin, at most <paramref name="limit"/>.</summary>
    public static Task<IReadOnlyList<OriginMismatch>> OfMovementAsync(DbContext db, string missionId, string movementId, int limit, CancellationToken ct) =>
        FindAsync(db, string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, "m.id = @key"), missionId, movementId, limit, bulk: false, ct);

    /// <summary>The rows of a manifest (movements <c>{manifest}-{row}</c>) whose person is not at the origin, at most <paramref name="limit"/>.</summary>
    public static Task<IReadOnlyList<OriginMismatch>> OfManifestAsync(DbContext db, string missionId, string manifestId, int limit, CancellationToken ct) =>
        FindAsync(db, string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, "m.manifest_id = @key"), missionId, manifestId, limit, bulk: true, ct);

    private static async Task<IReadOnlyList<OriginMismatch>> FindAsync(DbContext db, string sql, string missionId, string key, int limit, bool bulk,
        CancellationToken ct)
    {
        if (bulk)
        {
            // Rows just copied in have no statistics yet: the planner would take a manifest for a handful of rows and
            // loop over them; joined by hashing, the check is one pass whatever their number.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_nestloop = off", ct);
        }

        try
        {
            return await ReadAsync(db, sql, missionId, key, limit, ct);
        }
        finally
        {
            if (bulk)
            {
                await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_nestloop = on", CancellationToken.None);
            }
        }
    }

    private static async Task<IReadOnlyList<OriginMismatch>> ReadAsync(DbContext db, string sql, string missionId, string key, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter("mission", NpgsqlDbType.Text) { Value = missionId });
        command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = key });
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        var found = new List<OriginMismatch>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(new OriginMismatch(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), NotYetAssigned: reader.GetBoolean(5)));
        }

        return found;
    }
}
