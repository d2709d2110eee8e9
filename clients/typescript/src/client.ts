// A partner's client: the generated contracts called over gRPC (HTTP/2) with Connect, with a bearer
// token on every call. The services' addresses and the token come from the environment.
import { createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { SitesService } from "./gen/missionops/sites/v1/sites_service_pb.js";

export function setting(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set`);
  }
  return value;
}

/** A client of the Sites service at `baseUrl` (for example http://localhost:5101) that sends `token`. */
export function sitesClient(baseUrl: string, token: string): Client<typeof SitesService> {
  const bearer: Interceptor = (next) => (request) => {
    request.header.set("authorization", `Bearer ${token}`);
    return next(request);
  };
  return createClient(SitesService, createGrpcTransport({ baseUrl, interceptors: [bearer] }));
}
