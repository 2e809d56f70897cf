import { describe, expect, it } from "vitest";
import { privateAddressKind } from "./private-address";

describe("privateAddressKind", () => {
  it.each([
    ["0.0.0.0", "unspecified"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["169.254.169.254", "link-local"], // cloud metadata services live here
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "reserved"],
  ])("refuses IPv4 %s as %s", (ip, kind) => {
    expect(privateAddressKind(ip)).toContain(kind);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0", "192.169.0.1", "223.255.255.255"])(
    "lets public IPv4 %s through",
    (ip) => {
      expect(privateAddressKind(ip)).toBeNull();
    },
  );

  it.each([
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456:789a::1", "unique-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback (IPv4-mapped)"],
    ["::ffff:7f00:1", "loopback (IPv4-mapped)"],
    ["::ffff:10.0.0.1", "private (IPv4-mapped)"],
    ["::ffff:169.254.169.254", "link-local (IPv4-mapped)"],
    ["64:ff9b::10.0.0.1", "private (NAT64)"],
    ["2002:c0a8:0101::1", "private (6to4)"],
    ["::127.0.0.1", "loopback"],
  ])("refuses IPv6 %s as %s", (ip, kind) => {
    expect(privateAddressKind(ip)).toContain(kind);
  });

  it.each(["2606:4700:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:0808:0808::1", "fe00::1"])(
    "lets public IPv6 %s through",
    (ip) => {
      expect(privateAddressKind(ip)).toBeNull();
    },
  );

  it("refuses what is not an address at all", () => {
    expect(privateAddressKind("localhost")).not.toBeNull();
    expect(privateAddressKind("")).not.toBeNull();
  });
});
