using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Liquidation.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "archive_records",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    owner = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    archived_date = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    title_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    title_fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archive_records", x => new { x.mission_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "assets",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    ownership = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    site = table.Column<string>(type: "text", nullable: false),
                    inventory_number = table.Column<string>(type: "text", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    acquisition_cost = table.Column<long>(type: "bigint", nullable: false),
                    depreciated_value = table.Column<long>(type: "bigint", nullable: false),
                    owner_country_code = table.Column<string>(type: "text", nullable: true),
                    contingent_decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    description_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    description_fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assets", x => new { x.mission_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "final_reports",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    report = table.Column<byte[]>(type: "bytea", nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    signatory_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signatory_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issue_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_final_reports", x => x.mission_id);
                });

            migrationBuilder.CreateTable(
                name: "liabilities",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    owner = table.Column<string>(type: "text", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    estimated_cost = table.Column<long>(type: "bigint", nullable: true),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    settled_date = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    description_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    description_fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_liabilities", x => new { x.mission_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "liquidation_plans",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    threshold_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    threshold_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_liquidation_plans", x => x.mission_id);
                });

            migrationBuilder.CreateTable(
                name: "disposal_cases",
                columns: table => new
                {
                    mission_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    asset_id = table.Column<string>(type: "text", nullable: false),
                    group = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    asset_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    approval_required = table.Column<bool>(type: "boolean", nullable: false),
                    approval = table.Column<string>(type: "jsonb", nullable: true),
                    record = table.Column<string>(type: "jsonb", nullable: true),
                    gain_or_loss = table.Column<long>(type: "bigint", nullable: true),
                    opened_by_event = table.Column<string>(type: "text", nullable: true),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disposal_cases", x => new { x.mission_id, x.id });
                    table.ForeignKey(
                        name: "fk_disposal_cases_assets_mission_id_asset_id",
                        columns: x => new { x.mission_id, x.asset_id },
                        principalTable: "assets",
                        principalColumns: new[] { "mission_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assets_mission_id_site",
                table: "assets",
                columns: new[] { "mission_id", "site" });

            migrationBuilder.CreateIndex(
                name: "ix_assets_mission_id_state",
                table: "assets",
                columns: new[] { "mission_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_disposal_cases_mission_id_asset_id",
                table: "disposal_cases",
                columns: new[] { "mission_id", "asset_id" });

            migrationBuilder.CreateIndex(
                name: "ix_disposal_cases_mission_id_state",
                table: "disposal_cases",
                columns: new[] { "mission_id", "state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "archive_records");

            migrationBuilder.DropTable(
                name: "disposal_cases");

            migrationBuilder.DropTable(
                name: "final_reports");

            migrationBuilder.DropTable(
                name: "liabilities");

            migrationBuilder.DropTable(
                name: "liquidation_plans");

            migrationBuilder.DropTable(
                name: "assets");
        }
    }
}
