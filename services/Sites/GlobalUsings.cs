// What the service's files use throughout: gRPC, EF Core over its own database, and the conventions every service shares.
global using Grpc.Core;
global using Microsoft.EntityFrameworkCore;
global using MissionOps.Sites.Data;
global using MissionOps.ServiceDefaults.Changes;
global using MissionOps.ServiceDefaults.Contracts;
global using MissionOps.ServiceDefaults.Data;
global using MissionOps.ServiceDefaults.Errors;
global using MissionOps.ServiceDefaults.Geography;
global using MissionOps.ServiceDefaults.Paging;
global using ErrorReason = MissionOps.Common.V1.ErrorReason;
