import { otherMethods } from "@/lib/api/methods";
import { PROXY_METHODS, proxyHandler } from "@/lib/api/proxy-route";

// server.ts answers these itself, without Next's pipeline; this file serves `next dev` and
// any request server.ts hands on.
export const GET = proxyHandler;
export const POST = proxyHandler;
export const PUT = proxyHandler;
export const PATCH = proxyHandler;
export const DELETE = proxyHandler;

export const { OPTIONS } = otherMethods(PROXY_METHODS);
