using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionOps.Liquidation.Data.Migrations
{
    /// <inheritdoc />
    public partial class DisposalUnderRegulation514 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "group",
                table: "disposal_cases",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(10)",
                oldMaxLength: 10);

            // Financial Regulation 5.14 has no gift: UN-owned installed assets go to the host government for compensation.
            migrationBuilder.Sql("""
                UPDATE disposal_cases d SET method = 'HandoverToHostGovernment'
                FROM assets a
                WHERE a.mission_id = d.mission_id AND a.id = d.asset_id AND a.ownership = 'UnOwned' AND d.method = 'GiftToHostGovernment';
                """);

            // Contingent-owned equipment leaves the UN's groups and takes the method of its country's decision.
            migrationBuilder.Sql("""
                UPDATE disposal_cases d SET "group" = NULL,
                    method = CASE a.contingent_decision
                        WHEN 'Repatriate' THEN 'RepatriationToContributor'
                        WHEN 'Gift' THEN 'ContributorGift'
                        WHEN 'Sell' THEN 'ContributorSale'
                        WHEN 'HandToMission' THEN 'HandedToMission'
                        ELSE d.method END
                FROM assets a
                WHERE a.mission_id = d.mission_id AND a.id = d.asset_id AND a.ownership = 'ContingentOwned';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE disposal_cases d SET
                    "group" = CASE d.method WHEN 'ContributorGift' THEN 'V' WHEN 'ContributorSale' THEN 'Iv' ELSE 'I' END,
                    method = CASE d.method
                        WHEN 'ContributorGift' THEN 'GiftToHostGovernment'
                        WHEN 'ContributorSale' THEN 'CommercialSale'
                        WHEN 'HandedToMission' THEN 'TransferToMission'
                        ELSE d.method END
                WHERE d."group" IS NULL;
                UPDATE disposal_cases SET method = 'GiftToHostGovernment' WHERE method = 'HandoverToHostGovernment';
                """);

            migrationBuilder.AlterColumn<string>(
                name: "group",
                table: "disposal_cases",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(10)",
                oldMaxLength: 10,
                oldNullable: true);
        }
    }
}
