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
    private const string Sql = """
        SELECT m.id, l.person_id, m.origin_site, m.planned_date, located.site, previous.moved IS NULL AND p.assignment_date > m.planned_date
        FROM movements m
        JOIN movement_legs l ON l.mission_id = m.mission_id AND l.movement_id = m.id
        JOIN personnel p ON p.mission_id = l.mission_id AND p.id = l.person_id
        LEFT JOIN LATERAL (
            SELECT o.destination_site AS site, TRUE AS moved
            FROM movement_legs o
            WHERE o.mission_id = l.mission_id AND o.person_id = l.person_id AND o.movement_id <> l.movement_id
              AND o.effective_date <= m.planned_date AND o.state IN ('Completed', 'Planned', 'InTransit', 'Held')
              AND (o.effective_date < m.planned_date OR @batch IS NULL OR NOT starts_with(o.movement_id, @batch) OR o.movement_id < m.id)
            ORDER BY o.effective_date DESC, o.movement_id DESC
            LIMIT 1) previous ON TRUE
        CROSS JOIN LATERAL (
            SELECT CASE WHEN previous.moved THEN previous.site WHEN p.assignment_date <= m.planned_date THEN p.assigned_site END AS site) located
        WHERE m.mission_id = @mission AND {0} AND located.site IS DISTINCT FROM m.origin_site
        ORDER BY m.id, l.person_id
        LIMIT @limit
        """;

    /// <summary>The people of one movement not at its origin, at most <paramref name="limit"/>.</summary>
    public static Task<IReadOnlyList<OriginMismatch>> OfMovementAsync(DbContext db, string missionId, string movementId, int limit, CancellationToken ct) =>
        FindAsync(db, string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, "m.id = @key"), missionId, movementId, batch: null, limit, ct);

    /// <summary>The rows of a manifest (movements <c>{manifest}-{row}</c>) whose person is not at the origin, at most <paramref name="limit"/>.</summary>
    public static Task<IReadOnlyList<OriginMismatch>> OfManifestAsync(DbContext db, string missionId, string manifestId, int limit, CancellationToken ct) =>
        FindAsync(db, string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, "m.manifest_id = @key"), missionId, manifestId, $"{manifestId}-", limit, ct);

    private static async Task<IReadOnlyList<OriginMismatch>> FindAsync(DbContext db, string sql, string missionId, string key, string? batch, int limit,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter("mission", NpgsqlDbType.Text) { Value = missionId });
        command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = key });
        command.Parameters.Add(new NpgsqlParameter("batch", NpgsqlDbType.Text) { Value = (object?)batch ?? DBNull.Value });
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
