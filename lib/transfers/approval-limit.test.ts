import { describe, expect, it } from "vitest";
import { DEFAULT_APPROVAL_LIMIT, isApprovalNeeded, transferApprovalLimit } from "./approval-limit";

describe("transferApprovalLimit", () => {
  it("reads STOCKROOM_TRANSFER_APPROVAL_LIMIT, defaulting to 1000", () => {
    expect(transferApprovalLimit({})).toBe(DEFAULT_APPROVAL_LIMIT);
    expect(transferApprovalLimit({ STOCKROOM_TRANSFER_APPROVAL_LIMIT: "250.5" })).toBe(250.5);
    expect(transferApprovalLimit({ STOCKROOM_TRANSFER_APPROVAL_LIMIT: "0" })).toBe(0);
  });

  it("falls back to the default for a limit that is not a number, rather than switching approvals off", () => {
    expect(transferApprovalLimit({ STOCKROOM_TRANSFER_APPROVAL_LIMIT: "lots" })).toBe(DEFAULT_APPROVAL_LIMIT);
    expect(transferApprovalLimit({ STOCKROOM_TRANSFER_APPROVAL_LIMIT: "-5" })).toBe(DEFAULT_APPROVAL_LIMIT);
  });
});

describe("isApprovalNeeded", () => {
  it("needs approval only above the limit", () => {
    expect(isApprovalNeeded("1000.0000", 1000)).toBe(false);
    expect(isApprovalNeeded("1000.0001", 1000)).toBe(true);
    expect(isApprovalNeeded(null, 0)).toBe(false);
  });
});
