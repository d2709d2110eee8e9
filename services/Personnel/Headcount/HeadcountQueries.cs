using System.Data;
using Npgsql;
using NpgsqlTypes;
using MissionOps.Personnel.People;
using Category = MissionOps.Personnel.V1.Category;
using Component = MissionOps.Personnel.V1.Component;

namespace MissionOps.Personnel.Headcount;

public sealed record HeadcountLine(string Site, Component Component, Category Category, int Count);

public sealed record PresentPerson(string Id, string IndexNumber, bool Residual);

public sealed record SiteCount(string Site, int Present, int Residual);

/// <summary>Headcounts, occupancy and locations on a day, straight from SQL over the movement legs.</summary>
public sealed class HeadcountQueries(PersonnelDbContext db)
{
    /// <summary>
    /// <see cref="Roster.ResidualRosterEntry.Exempts"/> in SQL: on the roster, at this site, on or before the entry's end date,
    /// and not deleted (raw SQL is not under the model's filter that hides deleted entries).
    /// </summary>
    private const string RetainedHere = $"EXISTS (SELECT 1 FROM residual_roster r WHERE {Retains})";

    private const string Retains = """
        r.mission_id = @mission AND r.person_id = located.id AND r.site = located.site AND @as_of <= r.end_date AND r.delete_time IS NULL
        """;

    private const string LastLegOfEach = """
        SELECT asked.id, last_leg.destination_site
        FROM unnest(@ids) AS asked(id)
        CROSS JOIN LATERAL (
            SELECT l.destination_site
            FROM movement_legs l
            WHERE l.mission_id = @mission AND l.person_id = asked.id AND l.effective_date <= @as_of AND l.state = 'Completed'
            ORDER BY l.effective_date DESC, l.movement_id DESC
            LIMIT 1) last_leg
        """;

    public async Task<IReadOnlyList<HeadcountLine>> CountAsync(string missionId, DateOnly asOf, bool forecast, string? site,
        Component? component, bool excludeResidual, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT located.site, located.component, located.category, count(*)::int
            FROM located
            WHERE located.site IS NOT NULL
              AND (@site::text IS NULL OR located.site = @site)
              AND (@component::text IS NULL OR located.component = @component)
              AND (NOT @exclude_residual OR NOT {RetainedHere})
            GROUP BY located.site, located.component, located.category
            ORDER BY located.site, located.component, located.category
            """;
        var connection = await OpenAsync(cancellationToken);
        await using var command = PersonLocations.Command(connection, sql, missionId, asOf, forecast);
        command.Parameters.Add(new NpgsqlParameter("site", NpgsqlDbType.Text) { Value = (object?)site ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("component", NpgsqlDbType.Text) { Value = (object?)component?.ToString() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("exclude_residual", NpgsqlDbType.Boolean) { Value = excludeResidual });

        var lines = new List<HeadcountLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new HeadcountLine(reader.GetString(0), Enum.Parse<Component>(reader.GetString(1)),
                Enum.Parse<Category>(reader.GetString(2)), reader.GetInt32(3)));
        }

        return lines;
    }

    /// <summary>Everyone at a site on a day, by index number, marking those the residual roster retains there that day.</summary>
    public async Task<IReadOnlyList<PresentPerson>> PresentAtAsync(string missionId, string site, DateOnly asOf, bool forecast,
        CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT located.id, located.index_number, {RetainedHere}
            FROM located
            WHERE located.site = @site
            ORDER BY located.index_number
            """;
        var connection = await OpenAsync(cancellationToken);
        await using var command = PersonLocations.Command(connection, sql, missionId, asOf, forecast);
        command.Parameters.Add(new NpgsqlParameter("site", NpgsqlDbType.Text) { Value = site });

        var people = new List<PresentPerson>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            people.Add(new PresentPerson(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }

        return people;
    }

    /// <summary>How many are at each site on a day, and how many of them the residual roster retains there: one query for every site, by site name after <paramref name="after"/>.</summary>
    /// <remarks>
    /// The roster is keyed by person, so the join finds at most one entry each. Asked as <see cref="RetainedHere"/> inside
    /// the count's FILTER instead, the planner costed the query over jit_above_cost at 20,000 people and spent 75 to 100 ms
    /// compiling it, a quarter of the query's time.
    /// </remarks>
    public async Task<IReadOnlyList<SiteCount>> CountBySiteAsync(string missionId, DateOnly asOf, bool forecast, string after, int limit,
        CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT located.site, count(*)::int, count(r.person_id)::int
            FROM located
            LEFT JOIN residual_roster r ON {Retains}
            WHERE located.site IS NOT NULL AND located.site > @after
            GROUP BY located.site
            ORDER BY located.site
            LIMIT @limit
            """;
        var connection = await OpenAsync(cancellationToken);
        await using var command = PersonLocations.Command(connection, sql, missionId, asOf, forecast);
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Text) { Value = after });
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });

        var counts = new List<SiteCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new SiteCount(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return counts;
    }

    /// <summary>
    /// Where each of these people, already read, is on a day: the destination of their last completed leg on or before
    /// it (none: they left), else the site they were assigned to once that day has come. Only the legs are read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, PersonWhereabouts>> WhereaboutsAsync(string missionId, IReadOnlyCollection<Person> people,
        DateOnly asOf, CancellationToken cancellationToken)
    {
        var arrived = people.Where(p => p.AssignmentDate <= asOf).Select(p => p.Id).ToArray();
        var lastLegs = new Dictionary<string, LastLeg>(arrived.Length, StringComparer.Ordinal);
        if (arrived.Length > 0)
        {
            var connection = await OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(LastLegOfEach, connection);
            command.Parameters.Add(new NpgsqlParameter("mission", NpgsqlDbType.Text) { Value = missionId });
            command.Parameters.Add(new NpgsqlParameter("as_of", NpgsqlDbType.Date) { Value = asOf });
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = arrived });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lastLegs[reader.GetString(0)] = new LastLeg(reader.IsDBNull(1) ? null : reader.GetString(1));
            }
        }

        return people.ToDictionary(p => p.Id, p => PersonWhereabouts.On(asOf, p, lastLegs.GetValueOrDefault(p.Id)));
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return connection;
    }
}
