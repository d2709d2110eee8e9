using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "drawdown_targets",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    drawdown_phase = table.Column<string>(type: "text", nullable: false),
                    component = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    max_headcount = table.Column<int>(type: "integer", nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drawdown_targets", x => new { x.mission_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "movement_legs",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    movement_id = table.Column<string>(type: "text", nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: false),
                    origin_site = table.Column<string>(type: "text", nullable: false),
                    destination_site = table.Column<string>(type: "text", nullable: true),
                    effective_date = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_movement_legs", x => new { x.mission_id, x.movement_id, x.person_id });
                });

            migrationBuilder.CreateTable(
                name: "movements",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: true),
                    unit_id = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    origin_site = table.Column<string>(type: "text", nullable: false),
                    destination_site = table.Column<string>(type: "text", nullable: true),
                    planned_date = table.Column<DateOnly>(type: "date", nullable: false),
                    departure_date = table.Column<DateOnly>(type: "date", nullable: true),
                    arrival_date = table.Column<DateOnly>(type: "date", nullable: true),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    hold_reason = table.Column<string>(type: "jsonb", nullable: true),
                    cancel_reason = table.Column<string>(type: "jsonb", nullable: true),
                    people_count = table.Column<int>(type: "integer", nullable: false),
                    manifest_id = table.Column<string>(type: "text", nullable: true),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_movements", x => new { x.mission_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    country_code = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    display_name_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    display_name_fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => new { x.mission_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "personnel",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    index_number = table.Column<string>(type: "text", nullable: false),
                    full_name = table.Column<string>(type: "text", nullable: false),
                    component = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    country_code = table.Column<string>(type: "text", nullable: false),
                    unit_id = table.Column<string>(type: "text", nullable: true),
                    assigned_site = table.Column<string>(type: "text", nullable: false),
                    assignment_date = table.Column<DateOnly>(type: "date", nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personnel", x => new { x.mission_id, x.id });
                    table.ForeignKey(
                        name: "fk_personnel_units_mission_id_unit_id",
                        columns: x => new { x.mission_id, x.unit_id },
                        principalTable: "units",
                        principalColumns: new[] { "mission_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "residual_roster",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: false),
                    group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    site = table.Column<string>(type: "text", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    role_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    role_fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residual_roster", x => new { x.mission_id, x.person_id });
                    table.ForeignKey(
                        name: "fk_residual_roster_personnel_mission_id_person_id",
                        columns: x => new { x.mission_id, x.person_id },
                        principalTable: "personnel",
                        principalColumns: new[] { "mission_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_movement_legs_mission_id_person_id_effective_date",
                table: "movement_legs",
                columns: new[] { "mission_id", "person_id", "effective_date" });

            migrationBuilder.CreateIndex(
                name: "ix_movements_mission_id_manifest_id",
                table: "movements",
                columns: new[] { "mission_id", "manifest_id" });

            migrationBuilder.CreateIndex(
                name: "ix_movements_mission_id_state",
                table: "movements",
                columns: new[] { "mission_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_personnel_mission_id_index_number",
                table: "personnel",
                columns: new[] { "mission_id", "index_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_personnel_mission_id_unit_id",
                table: "personnel",
                columns: new[] { "mission_id", "unit_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "drawdown_targets");

            migrationBuilder.DropTable(
                name: "movement_legs");

            migrationBuilder.DropTable(
                name: "movements");

            migrationBuilder.DropTable(
                name: "residual_roster");

            migrationBuilder.DropTable(
                name: "personnel");

            migrationBuilder.DropTable(
                name: "units");
        }
    }
}
