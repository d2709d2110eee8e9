using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace MissionOps.Personnel.Headcount;

/// <summary>
/// Where each person is on a day, in SQL: the destination of their last movement leg on or
/// before that day (completed legs; for a forecast, legs still planned, in transit or held
/// too), else the site they were first assigned to. A leg with no destination took them out.
/// </summary>
/// <remarks>
/// Which legs count is written into the text, not passed as a parameter: each of the two statements, prepared, keeps
/// a plan made for its own filter.
/// </remarks>
public static class PersonLocations
{
    private const string Cte = """
        WITH located AS (
            SELECT p.id, p.index_number, p.full_name, p.component, p.category,
                   CASE WHEN last_leg.movement_id IS NULL THEN p.assigned_site ELSE last_leg.destination_site END AS site
            FROM personnel p
            LEFT JOIN LATERAL (
                SELECT l.movement_id, l.destination_site
                FROM movement_legs l
                WHERE l.mission_id = p.mission_id AND l.person_id = p.id AND l.effective_date <= @as_of
                  AND {0}
                ORDER BY l.effective_date DESC, l.movement_id DESC
                LIMIT 1) last_leg ON TRUE
            WHERE p.mission_id = @mission AND p.assignment_date <= @as_of
        )
        """;

    private static readonly string Recorded = string.Format(CultureInfo.InvariantCulture, Cte, "l.state = 'Completed'");

    private static readonly string Forecast = string.Format(CultureInfo.InvariantCulture, Cte, "l.state IN ('Completed', 'Planned', 'InTransit', 'Held')");

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string missionId, DateOnly asOf, bool forecast)
    {
        var command = new NpgsqlCommand((forecast ? Forecast : Recorded) + sql, connection);
        command.Parameters.Add(new NpgsqlParameter("mission", NpgsqlDbType.Text) { Value = missionId });
        command.Parameters.Add(new NpgsqlParameter("as_of", NpgsqlDbType.Date) { Value = asOf });
        return command;
    }
}
