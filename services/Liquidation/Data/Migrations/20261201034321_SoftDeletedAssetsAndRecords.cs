using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Liquidation.Data.Migrations
{
    /// <inheritdoc />
    public partial class SoftDeletedAssetsAndRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "delete_time",
                table: "assets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "delete_time",
                table: "archive_records",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "delete_time",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "delete_time",
                table: "archive_records");
        }
    }
}
