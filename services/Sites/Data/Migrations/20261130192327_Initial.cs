using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Sites.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "missions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    host_country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    mandate_start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    mandate_end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    liquidation_start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    display_name_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    display_name_fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_missions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "drawdown_phases",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "character varying(63)", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    display_name_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    display_name_fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drawdown_phases", x => new { x.mission_id, x.id });
                    table.ForeignKey(
                        name: "fk_drawdown_phases_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "character varying(63)", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    pcode = table.Column<string>(type: "text", nullable: false),
                    pcode_version = table.Column<string>(type: "text", nullable: false),
                    districts = table.Column<string>(type: "jsonb", nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    display_name_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    display_name_fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions", x => new { x.mission_id, x.id });
                    table.ForeignKey(
                        name: "fk_regions_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sites",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "character varying(63)", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    opening_date = table.Column<DateOnly>(type: "date", nullable: false),
                    closing_date = table.Column<DateOnly>(type: "date", nullable: true),
                    replaced_by = table.Column<string>(type: "text", nullable: true),
                    drawdown_phase_id = table.Column<string>(type: "text", nullable: true),
                    planned_closure_date = table.Column<DateOnly>(type: "date", nullable: true),
                    closure_steps = table.Column<string>(type: "jsonb", nullable: false),
                    closure = table.Column<string>(type: "jsonb", nullable: true),
                    handover = table.Column<string>(type: "jsonb", nullable: true),
                    handover_date = table.Column<DateOnly>(type: "date", nullable: true),
                    left_without_handover = table.Column<string>(type: "jsonb", nullable: true),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    display_name_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    display_name_fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    location_district_pcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    location_locality = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    location_pcode_version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    location_region_pcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sites", x => new { x.mission_id, x.id });
                    table.ForeignKey(
                        name: "fk_sites_drawdown_phases_mission_id_drawdown_phase_id",
                        columns: x => new { x.mission_id, x.drawdown_phase_id },
                        principalTable: "drawdown_phases",
                        principalColumns: new[] { "mission_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sites_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_drawdown_phases_mission_id_ordinal",
                table: "drawdown_phases",
                columns: new[] { "mission_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_regions_mission_id_pcode_pcode_version",
                table: "regions",
                columns: new[] { "mission_id", "pcode", "pcode_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sites_mission_id_drawdown_phase_id",
                table: "sites",
                columns: new[] { "mission_id", "drawdown_phase_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sites_mission_id_state",
                table: "sites",
                columns: new[] { "mission_id", "state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "regions");

            migrationBuilder.DropTable(
                name: "sites");

            migrationBuilder.DropTable(
                name: "drawdown_phases");

            migrationBuilder.DropTable(
                name: "missions");
        }
    }
}
