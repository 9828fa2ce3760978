using System.Net;
using System.Net.Sockets;

namespace Annotate.Web.RateLimiting;

/// <summary>
/// One attempt to count: under which policy, for whom (a user id or, for sign-in, the account asked
/// for), and from which network address. A null person or address is not counted on that side.
/// </summary>
internal sealed record RateLimitRequest(RateLimitPolicy Policy, string? Person, string? Address)
{
    public static readonly RateLimitRequest Unlimited = new(RateLimitPolicy.None, null, null);

    /// <summary>A signed-in user's attempt; someone not signed in is counted by their address on both sides.</summary>
    public static RateLimitRequest ForUser(RateLimitPolicy policy, string? userId, IPAddress? address)
    {
        var from = AddressKey(address);
        return new(policy, userId is null ? $"address:{from}" : $"user:{userId}", from);
    }

    /// <summary>Only the user, where no network address is known (an interactive page runs over its circuit, not a request).</summary>
    public static RateLimitRequest ForUserOnly(RateLimitPolicy policy, string userId) => new(policy, $"user:{userId}", null);

    /// <summary>An attempt to sign in to an account (by e-mail, ignoring case and spaces), from an address.</summary>
    public static RateLimitRequest ForAccount(RateLimitPolicy policy, string? email, IPAddress? address) =>
        new(policy, AccountKey(email), AddressKey(address));

    /// <summary>Only the account: the part of an API sign-in the HTTP pipeline could not count before reading the body.</summary>
    public static RateLimitRequest ForAccountOnly(RateLimitPolicy policy, string? email) => new(policy, AccountKey(email), null);

    /// <summary>Only the address: registering, or the part of an attempt the HTTP pipeline can count before it reads a body.</summary>
    public static RateLimitRequest ForAddress(RateLimitPolicy policy, IPAddress? address) => new(policy, null, AddressKey(address));

    private static string? AccountKey(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : $"account:{email.Trim().ToUpperInvariant()}";

    /// <summary>
    /// The address as the limit sees it. An IPv6 host usually holds a whole /64, so its addresses count as
    /// one; an IPv4 address written as IPv6 is the IPv4 address. No address at all (a test server) is one key.
    /// </summary>
    private static string AddressKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
