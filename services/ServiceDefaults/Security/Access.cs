namespace MissionOps.ServiceDefaults.Security;

/// <summary>What an RPC needs of its caller in the mission it touches.</summary>
public enum Access
{
    /// <summary>Read: every role, partners' viewer tokens and other services included; aggregates, sites, projects, assets.</summary>
    Read,

    /// <summary>Create and update sites, movements, projects, assets: planners and administrators.</summary>
    Plan,

    /// <summary>Handovers, approvals of disposals above the threshold, the disposal record: approvers and administrators.</summary>
    Approve,

    /// <summary>Missions, rules and plans: administrators only.</summary>
    Administer,

    /// <summary>
    /// Read personal data (people, their movements, roster entries): roles with a need to know, that is
    /// personnel readers, planners, approvers, administrators and the services' own identity; never viewers.
    /// </summary>
    ReadPersonal,
}
