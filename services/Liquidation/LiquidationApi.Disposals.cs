using MissionOps.Liquidation.Disposals;
using MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation;

public sealed partial class LiquidationApi
{
    public override async Task<V1.DisposalCase> CreateDisposalCase(CreateDisposalCaseRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var caseId = v.ResourceId("disposal_case_id", request.DisposalCaseId);
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "disposal_case", request.DisposalCase);

        var assetIds = v.Name("disposal_case.asset", input.Asset, "missions", "assets");
        v.Check(assetIds[0].Length == 0 || assetIds[0] == missionId, "disposal_case.asset", "must be an asset of the same mission");
        var group = v.OptionalEnum("disposal_case.group", input.Group) ?? DisposalGroup.Unspecified;
        var method = v.Enum("disposal_case.method", input.Method);
        v.ThrowIfInvalid();

        return await changes.CreateAsync<V1.DisposalCase, Disposals.DisposalCase>(request, [missionId, caseId], async ct =>
        {
            var plan = await db.Plans.SingleOrDefaultAsync(p => p.MissionId == missionId, ct)
                ?? throw new RuleViolationException(ErrorReason.LiquidationPlanMissing, $"missions/{missionId} has no liquidation plan yet.",
                    [new MissingItem(ErrorReason.LiquidationPlan, $"missions/{missionId}/liquidationPlan", "set the plan and its approval threshold first")]);
            var asset = await FindAssetAsync(missionId, assetIds[1], input.Asset, ct);
            return Disposals.DisposalCase.Open(caseId, asset, group, method, plan, openedByEvent: null, Now);
        }, Token(context));
    }

    public override async Task<V1.DisposalCase> GetDisposalCase(GetDisposalCaseRequest request, ServerCallContext context)
    {
        var ids = ResourceName.Parse("name", request.Name, "missions", "disposalCases");
        var disposal = await db.DisposalCases.AsNoTracking().SingleOrDefaultAsync(d => d.MissionId == ids[0] && d.Id == ids[1], Token(context))
            ?? throw new NotFoundException("missionops.un.org/DisposalCase", request.Name);
        // Its asset answers for it: a case at a site outside the caller's regions is not found.
        await FindAssetAsync(disposal.MissionId, disposal.AssetId, $"missions/{disposal.MissionId}/assets/{disposal.AssetId}", Token(context));
        return disposal.ToProto();
    }

    public override async Task<ListDisposalCasesResponse> ListDisposalCases(ListDisposalCasesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        var state = v.OptionalEnum("state", request.State);
        var method = v.OptionalEnum("method", request.Method);
        v.ThrowIfInvalid();

        var fingerprint = $"{state}|{method}";
        var page = PageRequest.Parse(request.PageSize, request.PageToken, fingerprint);
        var query = db.DisposalCases.AsNoTracking().Where(d => d.MissionId == missionId);
        if (state is { } s)
        {
            query = query.Where(d => d.State == s);
        }

        if (method is { } m)
        {
            query = query.Where(d => d.Method == m);
        }

        if (page.AfterKey is not null)
        {
            query = query.Where(d => string.Compare(d.Id, page.AfterKey) > 0);
        }

        var assets = db.Assets.AsQueryable();
        if (await siteRegions.VisibleAsync(missionId, Token(context)) is { } visible)
        {
            var visibleSites = visible.ToList();
            assets = assets.Where(a => visibleSites.Contains(a.Site));
        }

        var cases = await query.Join(assets, d => new { d.MissionId, Id = d.AssetId }, a => new { a.MissionId, a.Id }, (d, _) => d)
            .OrderBy(d => d.Id).Take(page.Size)
            .ToListAsync(Token(context));
        return new ListDisposalCasesResponse
        {
            DisposalCases = { cases.Select(d => d.ToProto()) },
            NextPageToken = page.NextToken(cases, d => d.Id, fingerprint),
        };
    }

    public override Task<V1.DisposalCase> ApproveDisposal(ApproveDisposalRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var approval = request.Approval is null
            ? Invalid<Disposals.DisposalApproval>(v, "approval")
            : new Disposals.DisposalApproval(
                v.Required("approval.approved_by", request.Approval.ApprovedBy, 200),
                v.Date("approval.approval_date", request.Approval.ApprovalDate),
                v.Required("approval.reference", request.Approval.Reference, 100));
        var ids = v.Name("name", request.Name, "missions", "disposalCases");
        v.RequestId("request_id", request.RequestId);
        v.ThrowIfInvalid();

        return changes.RunAsync<V1.DisposalCase>(request, async ct =>
        {
            var (disposal, _) = await FindDisposalAsync(ids, request.Name, ct);
            disposal.Approve(approval!, Now);
            return disposal;
        }, Token(context));
    }

    public override Task<V1.DisposalCase> RecordDisposal(RecordDisposalRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var input = request.Record;
        var proceeds = input is null ? null : MoneyInput.Parse(v, "record.proceeds", input.Proceeds, allowZero: true);
        var record = input is null
            ? Invalid<Disposals.DisposalRecord>(v, "record")
            : new Disposals.DisposalRecord(
                v.Date("record.disposal_date", input.DisposalDate),
                v.Bilingual("record.counterparty", input.Counterparty),
                v.Required("record.certificate_number", input.CertificateNumber, 100),
                proceeds?.MinorUnits ?? 0,
                DisposalAuthorityInput.Compensation(v, "record.compensation", input.Compensation),
                DisposalAuthorityInput.GeneralAssemblyDecision(v, "record.general_assembly_decision", input.GeneralAssemblyDecision),
                v.Optional("record.property_survey_board_reference", input.PropertySurveyBoardReference, 100));
        var ids = v.Name("name", request.Name, "missions", "disposalCases");
        v.RequestId("request_id", request.RequestId);
        v.ThrowIfInvalid();

        return changes.RunAsync<V1.DisposalCase>(request, async ct =>
        {
            var (disposal, asset) = await FindDisposalAsync(ids, request.Name, ct);
            if (proceeds is { } p && p.Currency != asset.Currency)
            {
                throw new InvalidArgumentException("record.proceeds.currency_code", $"must be {asset.Currency}, the asset's currency");
            }

            disposal.RecordDisposal(asset, record!, Now);
            metrics.Disposed(disposal);
            return disposal;
        }, Token(context));
    }

    /// <summary>The case, tracked, with its asset; a case of an asset outside the caller's regions is answered as one that does not exist.</summary>
    private async Task<(Disposals.DisposalCase Disposal, Assets.Asset Asset)> FindDisposalAsync(string[] ids, string name, CancellationToken ct)
    {
        var disposal = await db.DisposalCases.SingleOrDefaultAsync(d => d.MissionId == ids[0] && d.Id == ids[1], ct)
            ?? throw new NotFoundException("missionops.un.org/DisposalCase", name);
        var asset = await FindAssetAsync(disposal.MissionId, disposal.AssetId, $"missions/{disposal.MissionId}/assets/{disposal.AssetId}", ct);
        return (disposal, asset);
    }

    private static T? Invalid<T>(RequestValidator v, string field)
        where T : class
    {
        v.Add(field, "is required");
        return null;
    }
}
