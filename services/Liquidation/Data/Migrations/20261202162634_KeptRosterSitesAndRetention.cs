using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Liquidation.Data.Migrations
{
    /// <summary>
    /// The residual roster's entries were kept without their site and end date, which the forecast now reads: they are
    /// dropped and Personnel's feed is kept again from its start. The movements kept stay (an older event never replaces
    /// a newer one); the roster's entries come back whole.
    /// </summary>
    public partial class KeptRosterSitesAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM kept_images WHERE type = 'missionops.personnel.v1.ResidualRosterEntry';");
            migrationBuilder.Sql("DELETE FROM feed_cursors WHERE feed = 'personnel.forecast';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
