using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class IatiPublications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "iati_publications",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    publish_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    activity_count = table.Column<int>(type: "integer", nullable: false),
                    reporting_org_ref = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_iati_publications", x => new { x.mission_id, x.number });
                });

            migrationBuilder.CreateTable(
                name: "iati_publication_files",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    xml = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_iati_publication_files", x => new { x.mission_id, x.number });
                    table.ForeignKey(
                        name: "fk_iati_publication_files_iati_publications_mission_id_number",
                        columns: x => new { x.mission_id, x.number },
                        principalTable: "iati_publications",
                        principalColumns: new[] { "mission_id", "number" },
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "iati_publication_files");

            migrationBuilder.DropTable(
                name: "iati_publications");
        }
    }
}
