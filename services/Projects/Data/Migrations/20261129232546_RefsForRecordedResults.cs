using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Projects.Data.Migrations
{
    /// <summary>
    /// Results recorded before refs existed get those RecordResult would have given them: `1`, `2`... by
    /// position, and `1.1`, `1.2`... for their indicators. Nothing is ever removed, so positions are still true.
    /// </summary>
    public partial class RefsForRecordedResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE projects SET results = (
                    SELECT jsonb_agg(r.value || jsonb_build_object(
                        'ref', r.ordinality::text,
                        'indicators', (
                            SELECT coalesce(jsonb_agg(i.value || jsonb_build_object('ref', r.ordinality::text || '.' || i.ordinality::text) ORDER BY i.ordinality), '[]'::jsonb)
                            FROM jsonb_array_elements(r.value -> 'indicators') WITH ORDINALITY AS i))
                        ORDER BY r.ordinality)
                    FROM jsonb_array_elements(results) WITH ORDINALITY AS r)
                WHERE jsonb_array_length(results) > 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE projects SET results = (
                    SELECT jsonb_agg((r.value - 'ref') || jsonb_build_object(
                        'indicators', (
                            SELECT coalesce(jsonb_agg(i.value - 'ref' ORDER BY i.ordinality), '[]'::jsonb)
                            FROM jsonb_array_elements(r.value -> 'indicators') WITH ORDINALITY AS i))
                        ORDER BY r.ordinality)
                    FROM jsonb_array_elements(results) WITH ORDINALITY AS r)
                WHERE jsonb_array_length(results) > 0;
                """);
        }
    }
}
