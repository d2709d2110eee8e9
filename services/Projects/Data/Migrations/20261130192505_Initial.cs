using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    iati_identifier = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "jsonb", nullable: false),
                    actual_start = table.Column<DateOnly>(type: "date", nullable: true),
                    actual_end = table.Column<DateOnly>(type: "date", nullable: true),
                    transactions = table.Column<string>(type: "jsonb", nullable: false),
                    results = table.Column<string>(type: "jsonb", nullable: false),
                    handover = table.Column<string>(type: "jsonb", nullable: true),
                    status_reason = table.Column<string>(type: "jsonb", nullable: true),
                    sites = table.Column<List<string>>(type: "text[]", nullable: false),
                    districts = table.Column<List<string>>(type: "text[]", nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => new { x.mission_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "quick_impact_rules",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ceiling_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    max_duration_months = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quick_impact_rules", x => x.mission_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_projects_mission_id_iati_identifier",
                table: "projects",
                columns: new[] { "mission_id", "iati_identifier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_mission_id_status",
                table: "projects",
                columns: new[] { "mission_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "quick_impact_rules");
        }
    }
}
